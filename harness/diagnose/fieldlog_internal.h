/* fieldlog_internal.h: what the field-log readers share, and no other module: fieldlog.c
 * reads a log line by line and hands each to its family's reader (fieldlog_freerdp.c,
 * fieldlog_windows.c, fieldlog_errno.c), which record facts through the helpers here.
 * fieldlog.h is the public face. */
#ifndef RDPREPRO_FIELDLOG_INTERNAL_H
#define RDPREPRO_FIELDLOG_INTERNAL_H

#include <stdint.h>

#include "evidence.h"

/* fieldlog.h defines it; not included here, so that fieldlog.c's header and this one do not
 * include each other (tests/layout.sh). */
struct rp_fieldlog;

/* fieldlog.c: a fact, with the line it came from (`line` its number, `text` the line); the
 * phase the log shows the connection reached; FreeRDP's last error from its code, with
 * FreeRDP's name for it. */
void fl_add_fact(struct rp_fieldlog* log, int line, const char* text, const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));
void fl_reach(struct rp_fieldlog* log, enum rp_phase p);
void fl_set_last_error(struct rp_fieldlog* log, uint32_t code);

/* fieldlog_freerdp.c: one line of a FreeRDP client's log (or a wrapper's around it), line
 * number `no`. */
void fl_parse_freerdp_line(struct rp_fieldlog* log, int no, const char* line);

/* fieldlog_errno.c: the system error whose number starts at num on line `no`. */
void fl_system_error(struct rp_fieldlog* log, int no, const char* line, const char* num);

/* fieldlog_windows.c: the Windows events in text (the log's kind becomes
 * RP_LOG_WINDOWS_EVENT if it holds any). */
void fl_parse_windows(struct rp_fieldlog* log, const char* text);

#endif
