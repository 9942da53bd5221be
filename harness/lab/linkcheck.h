/* linkcheck.h: `rdprepro linkcheck`, the impairment engine's fidelity self-test: applies a
 * fault set to a lab's link exactly as a scenario would, measures what the link really does
 * with traffic between the namespaces, and compares with what was asked. */
#ifndef RDPREPRO_LINKCHECK_H
#define RDPREPRO_LINKCHECK_H

int rp_linkcheck_main(int argc, char** argv);

#endif
