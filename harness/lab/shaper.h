/* shaper.h: `rdprepro shaper`, the userspace link engine: one direction of the router's
 * forwarding path, taken from an NFQUEUE (iptables, in the router namespace), each packet's
 * fate decided by shape.h, delayed packets held in the kernel queue and released by verdict
 * in time order, duplicates sent through a raw socket. */
#ifndef RDPREPRO_SHAPER_H
#define RDPREPRO_SHAPER_H

int rp_shaper_main(int argc, char** argv);

#endif
