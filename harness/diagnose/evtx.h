/* evtx.h: the records of a Windows event log file (.evtx) as XML, read with libevtx. A user
 * may send the log file itself (C:\Windows\System32\winevt\Logs\...) rather than the text
 * Event Viewer shows; this turns it into the event XML the field-log reader already knows. */
#ifndef RDPREPRO_EVTX_H
#define RDPREPRO_EVTX_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* The most XML one file may give. An Operational channel's log is 1 MiB at Windows' default
 * size and renders to under 2 MiB (1.6 and 1.8 MiB for the RdpCoreTS and
 * RemoteConnectionManager samples this was tried on); at that ratio a full Security log at
 * its default 20 MiB would be about 35 MiB. Past this the file is refused, not cut: a
 * verdict from the first part of a log could miss the failure at its end. */
#ifndef RP_EVTX_MAX_XML /* a test may set a smaller one */
#define RP_EVTX_MAX_XML ((size_t)64 << 20)
#endif

struct rp_evtx_counts
{
	int listed;  /* records the file's chunks list */
	int skipped; /* of those, records that could not be turned into XML */
	/* Records libevtx found in the free space of chunks (deleted or overwritten events) and
	 * could read; they come after the listed ones in the XML, and may be older. */
	int recovered;
	/* Fragments found there that could not be read: usual (a filtered export zeroes them,
	 * a half-overwritten one has lost its template), so not counted with skipped. */
	int unrecoverable;
	int records; /* <Event> elements in the XML: listed - skipped + recovered */
};

/* Returns the XML of every record of the .evtx at path (a regular file: a FIFO or a device is
 * refused without blocking), concatenated (one <Event>...</Event> per record, each followed
 * by a newline), in *xml (malloc'd, NUL-terminated), and the record count in *n_records.
 * On failure false and err names the file and what failed. */
bool rp_evtx_read(const char* path, char** xml, int* n_records, struct rp_err* err);

/* The same, with what was listed, skipped and recovered. counts may be NULL. */
bool rp_evtx_read_counts(const char* path, char** xml, struct rp_evtx_counts* counts,
                         struct rp_err* err);

/* The same, from the len bytes of a .evtx in memory (read once, from a regular file or
 * standard input); name is for messages. */
bool rp_evtx_read_mem(const char* name, const void* data, size_t len, char** xml, int* n_records,
                      struct rp_err* err);

/* Whether the first 8 bytes are the EVTX file signature "ElfFile\0". */
bool rp_evtx_is_evtx(const unsigned char* head, size_t n);

#endif
