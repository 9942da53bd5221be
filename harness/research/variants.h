/* variants.h: `rdprepro variants`: seeded scenarios from each cause's envelope, and the
 * confusion matrix of their results. */
#ifndef RDPREPRO_VARIANTS_H
#define RDPREPRO_VARIANTS_H

int rp_variants_main(int argc, char** argv);

#endif
