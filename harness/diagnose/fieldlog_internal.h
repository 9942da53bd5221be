/* fieldlog_internal.h: what the field-log readers share, and no other module: fieldlog.c
 * reads a log line by line and hands each to its family's reader (fieldlog_freerdp.c,
 * fieldlog_windows.c, fieldlog_errno.c), which record facts through the helpers here.
 * fieldlog.h is the public face. */
#ifndef RDPREPRO_FIELDLOG_INTERNAL_H
#define RDPREPRO_FIELDLOG_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "evidence.h"
#include "verdict.h"

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

/* fieldlog_codes.c: the numbers any client prints (a Windows status, the RDP negotiation
 * failure code) on line `no`; a logon status's FreeRDP last error by WinPR's name of it
 * (NULL: none says the same); a Windows status number's name through WinPR (NULL: none). */
void fl_codes_line(struct rp_fieldlog* log, int no, const char* line);
const char* fl_logon_status_errconnect(const char* status_name);
/* The first logon status the line names (its errconnect in *errconnect), or NULL. */
const char* fl_logon_status_in(const char* line, const char** errconnect);
const char* fl_status_name(unsigned long v);
/* An SSPI status by WinPR's name (SEC_E_*) as the fact it is: a CredSSP mismatch, a refused
 * certificate, no domain controller, or a status alone. */
void fl_sspi_fact(struct rp_fieldlog* log, int no, const char* line, const char* name);

/* fieldlog_clients.c: which client's words the text holds (log->family), and one line of
 * them; true when the line is that client's alone (the FreeRDP reader is not to read it). */
void fl_client_family(struct rp_fieldlog* log, const char* text);
bool fl_parse_client_line(struct rp_fieldlog* log, int no, const char* line);
/* The server's RDP_NEG_FAILURE (code 1-6, or 0: said in words only) as the record's facts. */
void fl_nego_failure(struct rp_fieldlog* log, int no, const char* line, int code, const char* said);
/* fieldlog_ironrdp.c: a line of IronRDP's, of a program on it, or of Teleport's around it; its
 * negotiation, CredSSP and session-end words alone (for a text no family's marks name). */
bool fl_ironrdp_line(struct rp_fieldlog* log, int no, const char* line);
bool fl_ironrdp_end_line(struct rp_fieldlog* log, int no, const char* line);
/* A FreeRDP last error by its name, if none was set; the server's errorInfo. */
void fl_set_error_name(struct rp_fieldlog* log, const char* name);
void fl_set_errinfo(struct rp_fieldlog* log, uint32_t code);
/* A client's words for a failed TCP connect (rdesktop's, IronRDP's, Teleport's): the attempt
 * was made, FreeRDP's ERRCONNECT_CONNECT_FAILED in its terms, and `fact`. */
void fl_tcp_connect_failed(struct rp_fieldlog* log, int no, const char* line, const char* fact);
/* guacd's message (src/protocols/rdp/error.c) as the fact guacd's reader records, `whose`
 * words ("guacd's", "JumpServer Lion's"); false if it is none of them. */
bool fl_guacd_message(struct rp_fieldlog* log, int no, const char* line, const char* msg,
                      const char* whose);
/* fieldlog_frontends.c: a line of a connection manager (Remmina, mRemoteNG), of a service
 * (AVD, the broker) or the dynamic loader; true when it was theirs. */
bool fl_frontend_line(struct rp_fieldlog* log, int no, const char* line);
/* fieldlog_i18n.c: a connection manager's message in a language it ships (Remmina's po/);
 * true when the line was one. */
bool fl_translated_line(struct rp_fieldlog* log, int no, const char* line);
/* Guacamole's web dialog (its sixteen languages) or JumpServer Lion's; true when the line was one. */
bool fl_guacamole_dialog_line(struct rp_fieldlog* log, int no, const char* line);
/* A message that stands for any of several codes: the causes they name (up to 8). */
void fl_said(struct rp_fieldlog* log, int no, const char* line, const char* what,
             const enum rp_cause* causes, int n);

/* fieldlog_classify.c: whether the Windows client's disconnect reason is one its table holds
 * (Microsoft's documented reasons). */
bool fl_disc_reason_known(int reason);
/* fieldlog_dialog.c: the Windows client's disconnect reason r, on line `no`, as the facts it
 * gives (a logon's answer as FreeRDP's last error, an expired certificate, the reason itself). */
void fl_disc_reason(struct rp_fieldlog* log, unsigned long r, int no, const char* line);
/* fieldlog_dialog.c: the Windows dialog's sentences quoted in another program's line `no`;
 * true when one was there. */
bool fl_dialog_sentences_in(struct rp_fieldlog* log, int no, const char* text);
/* fieldlog_dialog.c: the Windows client's English description of a disconnect code in `line`
 * (fieldlog_mstsc_texts.h), as that reason; true when one was there. */
bool fl_windows_text_line(struct rp_fieldlog* log, int no, const char* line);
/* fieldlog_netmgr.c: NETworkManager's text of a disconnect reason; true when the line was one. */
bool fl_netmgr_line(struct rp_fieldlog* log, int no, const char* line);
/* fieldlog_dialog.c: the Windows client's dialog (mstsc's, the Windows App's), in any
 * language; true if the text is one (the log's kind becomes RP_LOG_WINDOWS_DIALOG). */
bool fl_parse_dialog(struct rp_fieldlog* log, const char* text);

/* fieldlog_windows.c: the Windows events in text (the log's kind becomes
 * RP_LOG_WINDOWS_EVENT if it holds any). */
void fl_parse_windows(struct rp_fieldlog* log, const char* text);

#endif
