/* evtx.c: the records of a .evtx file as XML, through libevtx. */
#include "evtx.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libevtx.h>

static const unsigned char evtx_signature[8] = { 'E', 'l', 'f', 'F', 'i', 'l', 'e', '\0' };

bool rp_evtx_is_evtx(const unsigned char* head, size_t n)
{
	return head && n >= sizeof(evtx_signature) &&
	       memcmp(head, evtx_signature, sizeof(evtx_signature)) == 0;
}

/* libevtx's message for e on one line, and e freed. libcerror's text is the outermost
 * function's ("libevtx_file_get_record_by_index: unable to retrieve record values: 0."),
 * which says where, not why; the backtrace's first line is the innermost one, which says why
 * ("libfwevt_xml_document_read_attribute: invalid binary XML token ..."). Both are kept. */
static void take_error(libevtx_error_t** e, char* buf, size_t size)
{
	/* A backtrace of 14 lines took 1105 bytes; one that does not fit is still written up
	 * to its last whole line (and -1 returned), so the first line is there either way. */
	char trace[4096] = "";
	char* nl;

	if (size == 0)
	{
		libevtx_error_free(e);
		return;
	}
	if (!e || !*e || libevtx_error_sprint(*e, buf, size) < 0)
		rp_strlcpy(buf, "libevtx gave no reason", size);
	if (e && *e)
	{
		libevtx_error_backtrace_sprint(*e, trace, sizeof(trace));
		trace[sizeof(trace) - 1] = '\0';
		if ((nl = strchr(trace, '\n')))
			*nl = '\0';
		if (trace[0] && strcmp(trace, buf) != 0)
		{
			size_t len = strlen(buf);
			snprintf(buf + len, size - len, " (%s)", trace);
		}
		libevtx_error_free(e);
	}
	for (char* s = buf; *s; s++)
		if (*s == '\n' || *s == '\r')
			*s = ' ';
}

/* The XML as it grows. */
struct out
{
	char* buf;
	size_t len; /* without the NUL */
	size_t cap;
};

enum take
{
	TAKE_OK,
	TAKE_SKIPPED, /* this record could not be read; the next one may be */
	TAKE_FULL,    /* RP_EVTX_MAX_XML reached */
	TAKE_NOMEM,
};

/* Room for `more` bytes after what is there and a NUL. */
static bool reserve(struct out* o, size_t more)
{
	size_t want = o->len + more + 1;
	size_t cap = o->cap ? o->cap : 64 * 1024;
	char* p;

	if (want <= o->cap)
		return true;
	while (cap < want)
		cap *= 2;
	if (!(p = realloc(o->buf, cap)))
		return false;
	o->buf = p;
	o->cap = cap;
	return true;
}

/* One record's XML appended to o, written by libevtx straight into the buffer. libevtx ends
 * each record's XML with a newline, and a record may carry an odd blank line: trailing
 * whitespace is cut and exactly one newline put back, so the output is one record per
 * <Event>...</Event> and a newline, whatever this libevtx's habits. */
static enum take take_record(libevtx_file_t* file, int index, bool recovered, struct out* o,
                             char* why, size_t why_size)
{
	libevtx_record_t* rec = NULL;
	libevtx_error_t* e = NULL;
	size_t size = 0, n;
	char* s;
	enum take r = TAKE_SKIPPED;
	int got = recovered ? libevtx_file_get_recovered_record_by_index(file, index, &rec, &e)
	                    : libevtx_file_get_record_by_index(file, index, &rec, &e);

	if (got != 1 || libevtx_record_get_utf8_xml_string_size(rec, &size, &e) != 1 || size < 2)
		goto out;
	/* size counts the NUL; the record's newline takes its place. */
	if (size > RP_EVTX_MAX_XML || o->len + size > RP_EVTX_MAX_XML)
	{
		r = TAKE_FULL;
		goto out;
	}
	if (!reserve(o, size))
	{
		r = TAKE_NOMEM;
		goto out;
	}
	s = o->buf + o->len;
	if (libevtx_record_get_utf8_xml_string(rec, (uint8_t*)s, size, &e) != 1)
		goto out;
	/* An embedded NUL (a corrupt string value) ends the record there rather than hiding
	 * everything after it from the C string the caller gets. */
	n = strnlen(s, size);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		goto out;
	s[n++] = '\n';
	o->len += n;
	o->buf[o->len] = '\0';
	r = TAKE_OK;
out:
	if (e)
	{
		/* Only the first failure is kept: it is the one that names what broke. */
		if (why[0] == '\0')
			take_error(&e, why, why_size);
		else
			libevtx_error_free(&e);
	}
	else if (r == TAKE_SKIPPED && why[0] == '\0')
		snprintf(why, why_size, "record %d has no XML", index);
	/* A conversion that failed halfway has written past the end: the XML so far ends
	 * where it ended. */
	if (o->buf)
		o->buf[o->len] = '\0';
	if (rec)
		libevtx_record_free(&rec, NULL);
	return r;
}

/* The EVTX layout: a 4 KiB file header, then chunks of 64 KiB; the header's number of chunks
 * is a little-endian uint16 at offset 42. */
#define EVTX_HEADER_SIZE 4096
#define EVTX_CHUNK_SIZE 65536
#define EVTX_CHUNKS_AT 42

/* The file header read by hand, before libevtx: its message for a text file is "unable to
 * read file header", which does not tell a user they sent the wrong file; and it reads a
 * truncated file without a word, dropping the chunks that are cut (a copy of a 1 MiB log cut
 * at 600 KB gave 1051 of its 1910 records and success). A log with its end missing may lack
 * the very failure it was sent for, so a file shorter than its header says is refused, as
 * an over-long one is (RP_EVTX_MAX_XML). One longer than that is normal: the file keeps
 * its size when chunks are unused (a LocalSessionManager log of 3 chunks in 1 MiB).
 * fd is open on what `name` names; only a regular file is read (a FIFO or a device handed
 * to libevtx would block it or never end). */
static bool check_header(const char* name, int fd, struct rp_err* err)
{
	unsigned char head[EVTX_CHUNKS_AT + 2];
	struct stat st;
	ssize_t n;
	unsigned chunks;
	long long want;

	if (fstat(fd, &st) != 0)
		return rp_fail(err, "%s: %s", name, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return rp_fail(err, "%s: not a regular file: refused", name);
	while ((n = pread(fd, head, sizeof(head), 0)) < 0 && errno == EINTR)
		;
	if (n <= 0)
		return rp_fail(err, "%s: empty or unreadable", name);
	if (!rp_evtx_is_evtx(head, (size_t)n))
		return rp_fail(err, "%s: not a Windows event log (.evtx): no \"ElfFile\" signature", name);
	if ((size_t)n < sizeof(head) || st.st_size < EVTX_HEADER_SIZE)
		return rp_fail(err, "%s: truncated: %lld bytes, less than the %d-byte .evtx header",
		               name, (long long)st.st_size, EVTX_HEADER_SIZE);
	chunks = head[EVTX_CHUNKS_AT] | (unsigned)head[EVTX_CHUNKS_AT + 1] << 8;
	want = EVTX_HEADER_SIZE + (long long)chunks * EVTX_CHUNK_SIZE;
	if (st.st_size < want)
		return rp_fail(err, "%s: truncated: its header lists %u chunk%s (%lld bytes), the file "
		               "has %lld bytes; copy it again (a log in use: wevtutil epl, or Event "
		               "Viewer's Save All Events As)",
		               name, chunks, chunks == 1 ? "" : "s", want, (long long)st.st_size);
	return true;
}

/* The records of the .evtx open at fd (`name` for messages). libevtx opens files by name
 * only: it is given /proc/self/fd/N, which is the file already open and checked here, so
 * what it reads cannot have been swapped for a FIFO or a symlink since. */
static bool read_fd(const char* name, int fd, char** xml, struct rp_evtx_counts* counts,
                    struct rp_err* err)
{
	libevtx_file_t* file = NULL;
	libevtx_error_t* e = NULL;
	struct out o = { 0 };
	struct rp_evtx_counts c = { 0 };
	char why[400] = "", self[64];
	int n_recovered = 0;
	long long total;
	bool opened = false, ok = false;

	*xml = NULL;
	if (counts)
		*counts = c;
	if (!check_header(name, fd, err))
		return false;
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	if (libevtx_file_initialize(&file, &e) != 1)
	{
		take_error(&e, why, sizeof(why));
		return rp_fail(err, "%s: libevtx: %s", name, why);
	}
	if (libevtx_file_open(file, self, LIBEVTX_OPEN_READ, &e) != 1)
	{
		take_error(&e, why, sizeof(why));
		rp_fail(err, "%s: cannot open as .evtx: %s", name, why);
		goto out;
	}
	opened = true;
	if (libevtx_file_get_number_of_records(file, &c.listed, &e) != 1 || c.listed < 0)
	{
		take_error(&e, why, sizeof(why));
		rp_fail(err, "%s: cannot count the records: %s", name, why);
		goto out;
	}
	/* Recovered records (libevtx found them in a chunk's free space or in a chunk the file
	 * header no longer counts: deleted or overwritten events) are evidence too, and cost two
	 * calls. A file whose count of them cannot be had still gives its listed records. */
	if (libevtx_file_get_number_of_recovered_records(file, &n_recovered, &e) != 1 ||
	    n_recovered < 0)
	{
		libevtx_error_free(&e);
		n_recovered = 0;
	}
	if (!reserve(&o, 0))
	{
		rp_fail(err, "%s: out of memory", name);
		goto out;
	}
	o.buf[0] = '\0';

	/* A record that fails to convert is skipped and counted, never fatal: one corrupt
	 * record (a torn write, a bad template) must not hide the rest of the file, and the
	 * failure a user wants diagnosed is often in the last records written before a crash. */
	total = (long long)c.listed + n_recovered;
	for (long long i = 0; i < total; i++)
	{
		bool recovered = i >= c.listed;
		enum take r = take_record(file, (int)(recovered ? i - c.listed : i), recovered, &o,
		                          why, sizeof(why));

		if (r == TAKE_OK)
		{
			c.records++;
			c.recovered += recovered;
		}
		else if (r == TAKE_SKIPPED && recovered)
			c.unrecoverable++;
		else if (r == TAKE_SKIPPED)
			c.skipped++;
		else if (r == TAKE_FULL)
		{
			rp_fail(err, "%s: more than %zu MiB of event XML (after %d records); export the "
			        "events of interest from Event Viewer instead",
			        name, ((size_t)RP_EVTX_MAX_XML + (1u << 20) - 1) >> 20, c.records);
			goto out;
		}
		else
		{
			rp_fail(err, "%s: out of memory after %d records", name, c.records);
			goto out;
		}
	}
	/* Records listed and none readable is a broken file (or one this libevtx cannot parse),
	 * not an empty log: say so rather than give a verdict from nothing. */
	if (c.listed > 0 && c.records == 0)
	{
		rp_fail(err, "%s: none of its %d records could be read: %s", name, c.listed, why);
		goto out;
	}
	ok = true;
out:
	if (opened)
		libevtx_file_close(file, NULL);
	if (file)
		libevtx_file_free(&file, NULL);
	if (!ok)
	{
		free(o.buf);
		return false;
	}
	*xml = o.buf;
	if (counts)
		*counts = c;
	return true;
}

bool rp_evtx_read_counts(const char* path, char** xml, struct rp_evtx_counts* counts,
                         struct rp_err* err)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; check_header then refuses it. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	bool ok;

	*xml = NULL;
	if (fd < 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	ok = read_fd(path, fd, xml, counts, err);
	close(fd);
	return ok;
}

bool rp_evtx_read(const char* path, char** xml, int* n_records, struct rp_err* err)
{
	struct rp_evtx_counts c;

	if (!rp_evtx_read_counts(path, xml, &c, err))
		return false;
	*n_records = c.records;
	return true;
}

bool rp_evtx_read_mem(const char* name, const void* data, size_t len, char** xml, int* n_records,
                      struct rp_err* err)
{
	/* A file in memory, for libevtx to open by its /proc/self/fd name: the bytes read once
	 * (from a file checked to be regular, or from standard input) are the bytes it parses. */
	int fd = memfd_create("rdprepro-evtx", MFD_CLOEXEC);
	struct rp_evtx_counts c;
	size_t done = 0;
	bool ok = false;

	*xml = NULL;
	if (fd < 0)
		return rp_fail(err, "%s: memfd_create: %s", name, strerror(errno));
	while (done < len)
	{
		ssize_t n = write(fd, (const char*)data + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
		{
			rp_fail(err, "%s: a copy in memory for libevtx: %s", name,
			        n < 0 ? strerror(errno) : "short write");
			goto out;
		}
		done += (size_t)n;
	}
	if ((ok = read_fd(name, fd, xml, &c, err)))
		*n_records = c.records;
out:
	close(fd);
	return ok;
}
