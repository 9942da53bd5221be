/* wlog.h: what every FreeRDP process of the lab (probe, server) does first. */
#ifndef RDPREPRO_WLOG_H
#define RDPREPRO_WLOG_H

/* Every WLog line to stderr (its console appender sends DEBUG and INFO to stdout, which
 * carries the command's own output), and OpenSSL's legacy provider loaded first: NTLM's MD4
 * lives there, and FreeRDP warns at length without it. */
void rp_freerdp_process_setup(void);

#endif
