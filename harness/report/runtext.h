/* runtext.h: the readable block printed under a run's result line. */
#ifndef RDPREPRO_RUNTEXT_H
#define RDPREPRO_RUNTEXT_H

#include "runstate.h"

/* The readable block of a run (link, client, verdict, evidence, server timeline, steps),
 * malloc'd. */
char* rp_report_text(const struct result* r);

#endif
