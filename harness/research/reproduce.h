/* reproduce.h: `rdprepro reproduce LOG [--out DIR]`: a field report's candidate causes turned
 * into scenarios from its facts, run in labs, and each lab client's log compared with the
 * field's; the ranked matches, and the best as a scenario to keep. */
#ifndef RDPREPRO_REPRODUCE_H
#define RDPREPRO_REPRODUCE_H

int rp_reproduce_main(int argc, char** argv);

#endif
