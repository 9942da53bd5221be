/* variants_matrix.h: `rdprepro variants --matrix RESULTS` (variants_matrix.c): the confusion
 * matrix of a run over the drawn variants. */
#ifndef RDPREPRO_VARIANTS_MATRIX_H
#define RDPREPRO_VARIANTS_MATRIX_H

/* Every result under dir read: the draws whose verdict was not acceptable, the matrix (rows:
 * the cause drawn; columns: the verdict) and the counts on stdout. The exit status: 0, 1 when a
 * wrong cause was named, 2 when dir cannot be read. */
int rp_variants_matrix(const char* dir);

#endif
