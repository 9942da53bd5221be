/* hostile.h: `rdprepro hostile`, clients the lab server did not expect, run beside the
 * scenario's own client: garbage bytes, a truncated X.224 request, a silent connection, and
 * a crowd of connections opened at once. */
#ifndef RDPREPRO_HOSTILE_H
#define RDPREPRO_HOSTILE_H

int rp_hostile_main(int argc, char** argv);

#endif
