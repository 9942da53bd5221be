/* classify.h: `rdprepro classify FILE`: the verdict for a field report. */
#ifndef RDPREPRO_CLASSIFY_H
#define RDPREPRO_CLASSIFY_H

int rp_classify_main(int argc, char** argv);

#endif
