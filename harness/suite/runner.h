/* runner.h: `rdprepro run` and `rdprepro list`: scenarios from files, each in its own lab (one
 * scenario's run: run.h), with a result per scenario (PASS, FAIL, SKIP, ERROR) decided there
 * and nowhere else, and the suite's reports. */
#ifndef RDPREPRO_RUNNER_H
#define RDPREPRO_RUNNER_H

int rp_run_main(int argc, char** argv);
int rp_list_main(int argc, char** argv);

#endif
