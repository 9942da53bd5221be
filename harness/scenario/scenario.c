/* scenario.c: the scenario parser, on libinih, with one table row per key. */
#include "scenario.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <ini.h>

#include "clientargs.h"
#include "scnparse.h"

enum key_kind
{
	K_TEXT,     /* free text, continued on indented lines */
	K_DURATION, /* 250ms, 3s -> uint32_t ms */
	K_UINT,     /* a decimal number -> uint32_t */
	K_CODE,     /* 0x00010007 or 7 -> uint32_t */
	K_CAUSE,    /* a cause name from verdict.h -> enum rp_cause */
	K_PHASE,    /* a phase name from evidence.h -> int */
	K_ENUM,     /* one word from `choices` -> int */
	K_FLAGS,    /* words from `choices`, separated by commas -> unsigned bits */
	K_SHAPE,    /* a netem-like link setting, for the section's direction(s) (shape.h) */
	K_TRIGGER,  /* phase NAME | at DURATION | bytes N -> struct rp_trigger */
	K_PHASE_OR_NONE, /* a phase name -> int (default -1) */
	K_WORD,     /* one word from `choices`, kept as text */
	K_CAUSES,   /* cause names separated by commas -> uint32_t bits (1 << enum rp_cause) */
	K_SESSION,  /* DURATION [idle | input every DURATION | refresh every DURATION] */
	K_DESKTOP,  /* none | still | ticking every DURATION | busy every DURATION */
	K_ARGS,     /* FreeRDP client options, text as K_TEXT, each checked (clientargs.h) */
};

struct choice
{
	const char* name;
	int value;
};

struct key_def
{
	const char* section;
	const char* key;
	enum key_kind kind;
	size_t off;
	size_t size;
	bool required;
	const struct choice* choices;
	ptrdiff_t has; /* offset of a bool set when the key is given, or -1 */
};

static const struct choice behaviours[] = {
	{ "normal", RP_SERVER_NORMAL }, { "deny", RP_SERVER_DENY },
	{ "errorinfo", RP_SERVER_ERRORINFO }, { "close", RP_SERVER_CLOSE },
	{ "overloaded", RP_SERVER_OVERLOADED }, { "ultimatum", RP_SERVER_ULTIMATUM }, { NULL, 0 }
};
static const struct choice names[] = { { "address", RP_NAME_ADDRESS },
	                                   { "unresolvable", RP_NAME_UNRESOLVABLE },
	                                   { "dead", RP_NAME_DEAD },
	                                   { NULL, 0 } };
static const struct choice certs[] = { { "args", RP_CERT_AS_ARGS },
	                                   { "pinned", RP_CERT_PINNED },
	                                   { "changed", RP_CERT_CHANGED },
	                                   { NULL, 0 } };
static const struct choice securities[] = { { "negotiate", 0 }, { "nla", 1 }, { "tls", 2 },
	                                        { "rdp", 3 }, { NULL, 0 } };
static const struct choice ports[] = { { "open", RP_PORT_OPEN },
	                                   { "closed", RP_PORT_CLOSED },
	                                   { "filtered", RP_PORT_FILTERED },
	                                   { NULL, 0 } };
static const struct choice reset_tos[] = { { "both", RP_RESET_BOTH },
	                                        { "client", RP_RESET_CLIENT },
	                                        { "server", RP_RESET_SERVER },
	                                        { NULL, 0 } };
static const struct choice nat_actions[] = { { "drop", 0 }, { "reset", 1 }, { NULL, 0 } };
static const struct choice server_certs[] = { { "good", 0 }, { "expired", 1 },
	                                           { "wrong-name", 2 }, { NULL, 0 } };
static const struct choice programs[] = { { "probe", 0 }, { "xfreerdp", 1 }, { NULL, 0 } };
static const struct choice peers[] = { { "rdprepro", RP_PEER_LAB },
	                                    { "xrdp", RP_PEER_XRDP },
	                                    { "freerdp-shadow", RP_PEER_SHADOW },
	                                    { NULL, 0 } };
static const struct choice icmp_modes[] = { { "allowed", 0 }, { "blocked", 1 }, { NULL, 0 } };
static const struct choice passwords[] = { { "right", 0 }, { "wrong", 1 }, { NULL, 0 } };
static const struct choice announces[] = { { "mstsc", 0 }, { "freerdp", 1 }, { NULL, 0 } };
static const struct choice requirements[] = {
	{ "root", RP_REQ_ROOT },     { "netem", RP_REQ_NETEM },       { "xrdp", RP_REQ_XRDP },
	{ "freerdp-shadow", RP_REQ_SHADOW }, { "xfreerdp", RP_REQ_XFREERDP },
	{ "udp-transport", RP_REQ_UDP_TRANSPORT }, { "native-cpu", RP_REQ_NATIVE_CPU }, { NULL, 0 }
};

const char* rp_behaviour_name(enum rp_server_behaviour b)
{
	/* The table lists the behaviours in the enum's order. */
	return behaviours[b].name;
}

static const char* const desktop_names[] = { "none", "still", "ticking", "busy" };

const char* rp_desktop_name(enum rp_desktop d)
{
	return desktop_names[d];
}

const char* rp_port_name(enum rp_port_fault p)
{
	return ports[p].name;
}

const char* rp_cert_check_name(enum rp_cert_check c)
{
	return certs[c].name;
}

const char* rp_naming_name(enum rp_client_name n)
{
	return names[n].name;
}

const char* rp_peer_name(enum rp_peer p)
{
	return peers[p].name;
}

const char* rp_reset_to_name(enum rp_reset_to r)
{
	return reset_tos[r].name;
}

bool rp_trigger_parse(struct rp_trigger* t, const char* value, bool allow_bytes, char* why,
                      size_t n)
{
	char word[16], arg[64], extra[24], more[8];
	int k = sscanf(value, "%15s %63s %23s %7s", word, arg, extra, more);

	memset(t, 0, sizeof(*t));
	if (k == 3 && strcmp(word, "phase") == 0)
	{
		/* "phase NAME +DURATION": that long after the phase is reached */
		if (extra[0] != '+' || !rp_parse_duration_ms(extra + 1, &t->after_ms) || !t->after_ms)
			return snprintf(why, n, "\"%s\": after the phase, write \"+DURATION\" (phase "
			                        "active +5s)",
			                value),
			       false;
		k = 2;
	}
	if (k != 2)
		return snprintf(why, n, "\"%s\": write \"phase NAME\", \"at DURATION\"%s", value,
		                allow_bytes ? " or \"bytes N\"" : ""),
		       false;
	if (strcmp(word, "phase") == 0)
	{
		enum rp_phase ph = rp_phase_from_name(arg);
		if (ph == RP_PHASE_COUNT || ph < RP_PHASE_X224)
			return snprintf(why, n, "unknown phase \"%s\" (x224, tls, nla, mcs, secure-settings, "
			                        "licensing, capabilities, finalization, active)",
			                arg),
			       false;
		t->when = RP_WHEN_PHASE;
		t->phase = (int)ph;
		return true;
	}
	if (strcmp(word, "at") == 0)
	{
		if (!rp_parse_duration_ms(arg, &t->at_ms))
			return snprintf(why, n, "bad duration \"%s\" (e.g. 250ms, 3s)", arg), false;
		t->when = RP_WHEN_TIME;
		return true;
	}
	if (allow_bytes && strcmp(word, "bytes") == 0)
	{
		char* end;
		unsigned long v = strtoul(arg, &end, 10);
		if (*end || !v || v > 100000000 || arg[0] == '-')
			return snprintf(why, n, "bad byte count \"%s\"", arg), false;
		t->when = RP_WHEN_BYTES;
		t->bytes = (uint32_t)v;
		return true;
	}
	return snprintf(why, n, "what is \"%s\"? (phase, at%s)", word, allow_bytes ? ", bytes" : ""),
	       false;
}


#define F(m) offsetof(struct rp_scenario, m), sizeof(((struct rp_scenario*)0)->m)
#define HAS(m) (ptrdiff_t) offsetof(struct rp_scenario, m)
/* One row per key: its section, its kind, where it goes, whether it must be there. */
static const struct key_def keys[] = {
	{ "scenario", "summary", K_TEXT, F(summary), true, NULL, -1 },
	{ "scenario", "field", K_TEXT, F(field), false, NULL, -1 },
	{ "scenario", "keywords", K_TEXT, F(keywords), false, NULL, -1 },
	{ "scenario", "requires", K_FLAGS, F(requires), false, requirements, -1 },
	{ "scenario", "seed", K_UINT, F(seed), false, NULL, -1 },
	{ "scenario", "takes", K_DURATION, F(takes_ms), false, NULL, -1 },
	{ "scenario", "takes-because", K_TEXT, F(takes_because), false, NULL, -1 },
	{ "client", "program", K_ENUM, F(xfreerdp), false, programs, -1 },
	{ "client", "hostile", K_UINT, F(hostile), false, NULL, -1 },
	{ "client", "args", K_ARGS, F(client_args), false, NULL, -1 },
	{ "client", "deadline", K_DURATION, F(deadline_ms), false, NULL, -1 },
	{ "client", "hold", K_DURATION, F(hold_ms), false, NULL, -1 },
	{ "client", "connect-timeout", K_DURATION, F(connect_timeout_ms), false, NULL, -1 },
	{ "client", "password", K_ENUM, F(wrong_password), false, passwords, -1 },
	{ "client", "session", K_SESSION, F(session_ms), false, NULL, -1 },
	{ "client", "announce", K_ENUM, F(announce_freerdp), false, announces, -1 },
	{ "client", "name", K_ENUM, F(naming), false, names, -1 },
	{ "client", "cert", K_ENUM, F(cert), false, certs, -1 },
	{ "server", "peer", K_ENUM, F(peer), false, peers, -1 },
	{ "server", "certificate", K_ENUM, F(server_cert), false, server_certs, -1 },
	{ "server", "behaviour", K_ENUM, F(behaviour), false, behaviours, -1 },
	{ "server", "pause-at", K_PHASE_OR_NONE, F(pause_phase), false, NULL, -1 },
	{ "server", "pause", K_DURATION, F(pause_ms), false, NULL, -1 },
	{ "server", "error-info", K_CODE, F(error_info), false, NULL, -1 },
	{ "server", "error-at", K_PHASE_OR_NONE, F(error_phase), false, NULL, -1 },
	{ "server", "hang-at", K_PHASE_OR_NONE, F(hang_phase), false, NULL, -1 },
	{ "server", "security", K_WORD, F(security), false, securities, -1 },
	{ "server", "error-after", K_DURATION, F(error_after_ms), false, NULL, -1 },
	{ "server", "desktop", K_DESKTOP, F(desktop), false, NULL, -1 },
	{ "server", "heartbeat", K_DURATION, F(heartbeat_ms), false, NULL, -1 },
	{ "link", "mtu", K_UINT, F(mtu), false, NULL, -1 },
	{ "link", "icmp", K_ENUM, F(icmp_blocked), false, icmp_modes, -1 },
	{ "link", "from", K_TRIGGER, F(shape_from), false, NULL, -1 },
#define LINK_KEYS(sec)                                                                            \
	{ sec, "loss", K_SHAPE, 0, 0, false, NULL, -1 },                                              \
	    { sec, "delay", K_SHAPE, 0, 0, false, NULL, -1 },                                         \
	    { sec, "reorder", K_SHAPE, 0, 0, false, NULL, -1 },                                       \
	    { sec, "duplicate", K_SHAPE, 0, 0, false, NULL, -1 },                                     \
	    { sec, "corrupt", K_SHAPE, 0, 0, false, NULL, -1 },                                       \
	    { sec, "rate", K_SHAPE, 0, 0, false, NULL, -1 }
	LINK_KEYS("link"),
	LINK_KEYS("link to-server"),
	LINK_KEYS("link to-client"),
#undef LINK_KEYS
	{ "fault", "port", K_ENUM, F(port), false, ports, -1 },
	{ "fault", "reset", K_TRIGGER, F(reset), false, NULL, -1 },
	{ "fault", "reset-to", K_ENUM, F(reset_to), false, reset_tos, -1 },
	{ "fault", "drop", K_TRIGGER, F(drop), false, NULL, -1 },
	{ "fault", "drop-for", K_DURATION, F(drop_for_ms), false, NULL, -1 },
	{ "fault", "nat-timeout", K_DURATION, F(nat_timeout_ms), false, NULL, -1 },
	{ "fault", "nat-action", K_ENUM, F(nat_reset), false, nat_actions, -1 },
	{ "expect", "verdict", K_CAUSE, F(expect), true, NULL, -1 },
	{ "expect", "last-error", K_CODE, F(expect_last_error), false, NULL, HAS(has_last_error) },
	{ "expect", "error-info", K_CODE, F(expect_error_info), false, NULL, HAS(has_error_info) },
	{ "expect", "phase", K_PHASE, F(expect_phase), false, NULL, HAS(has_phase) },
	{ "expect", "acceptable", K_CAUSES, F(acceptable), false, NULL, -1 },
	{ "expect", "acceptable-because", K_TEXT, F(acceptable_because), false, NULL, -1 },
};
#undef F
#undef HAS
#define N_KEYS (sizeof(keys) / sizeof(keys[0]))

static const char* const sections[] = { "scenario",       "client",         "server", "link",
	                                     "link to-server", "link to-client", "fault",  "expect" };
#define N_SECTIONS (sizeof(sections) / sizeof(sections[0]))

struct parse
{
	struct rp_scenario* sc;
	struct rp_err* err;
	FILE* f;
	int line;          /* the line the reader returned last */
	bool indented;     /* that line began with a blank: a continuation */
	bool too_long;     /* that line was longer than inih's buffer */
	int err_line;      /* the line of the first error this parser found, 0 if none */
	int seen[N_KEYS];  /* line where each key was set, 0 if not */
	int section_line[N_SECTIONS]; /* line of each section's header, 0 if not seen */
	int header_line;              /* line of the last [section] header read */
	char last_section[64];
};

/* Reads a line for inih, counting lines so that the handler knows where it is. */
static char* reader(char* buf, int n, void* user)
{
	struct parse* p = user;
	size_t len;

	if (!fgets(buf, n, p->f))
		return NULL;
	p->line++;
	len = strlen(buf);
	p->indented = buf[0] == ' ' || buf[0] == '\t';
	if (buf[strspn(buf, " \t")] == '[')
		p->header_line = p->line;
	p->too_long = len == (size_t)n - 1 && buf[len - 1] != '\n' && !feof(p->f);
	if (p->too_long)
	{
		/* Drop the rest of the line: the error is reported by the handler or below. */
		int c;
		while ((c = fgetc(p->f)) != EOF && c != '\n')
			;
	}
	return buf;
}

static int vfail(struct parse* p, int line, const char* fmt, va_list ap)
{
	char msg[400];

	if (p->err_line)
		return 0;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	p->err_line = line;
	rp_fail(p->err, "%s:%d: %s", p->sc->path, line, msg);
	return 0;
}

/* Records the first error at the current line; returns 0 so that inih records it too. */
static int fail_at(struct parse* p, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail_at(struct parse* p, const char* fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail(p, p->line, fmt, ap);
	va_end(ap);
	return rc;
}

static int fail_line(struct parse* p, int line, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail_line(struct parse* p, int line, const char* fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vfail(p, line, fmt, ap);
	va_end(ap);
	return rc;
}

static int section_index(const char* s)
{
	for (size_t i = 0; i < N_SECTIONS; i++)
		if (strcmp(sections[i], s) == 0)
			return (int)i;
	return -1;
}

static bool only_word_chars(const char* s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Stores an int-like value in a field of 1, 2 or 4 bytes (bool, enum, uint32_t). */
static void store_int(void* dst, size_t size, long v)
{
	switch (size)
	{
		case 1:
			*(uint8_t*)dst = (uint8_t)v;
			break;
		case 2:
			*(uint16_t*)dst = (uint16_t)v;
			break;
		default:
			*(uint32_t*)dst = (uint32_t)v;
			break;
	}
}

static const struct choice* find_choice(const struct choice* c, const char* word, size_t n)
{
	for (; c->name; c++)
		if (strlen(c->name) == n && strncmp(c->name, word, n) == 0)
			return c;
	return NULL;
}

/* [link] sets both directions, [link to-server] index 0, [link to-client] 1. */
static int set_shape(struct parse* p, const struct key_def* k, char* dst, const char* value)
{
	int first = strcmp(k->section, "link to-client") == 0 ? 1 : 0;
	int last = strcmp(k->section, "link to-server") == 0 ? 0 : 1;
	char why[256];
	for (int d = first; d <= last; d++)
	{
		if (!rp_shape_parse(&p->sc->link[d], k->key, value, why, sizeof(why)))
			return fail_at(p, "%s", why);
	}
	return 1;
}

/* "every DURATION", of 50 ms or more, into *ms. */
static bool every_ok(const char* every, const char* dur, uint32_t* ms)
{
	return strcmp(every, "every") == 0 && rp_parse_duration_ms(dur, ms) && *ms >= 50;
}

/* DURATION [idle | input every DURATION | refresh every DURATION] */
static int set_session(struct parse* p, const struct key_def* k, char* dst, const char* value)
{
	char d[32], act[16], every[16], dur[32], more[8];
	int n = sscanf(value, "%31s %15s %15s %31s %7s", d, act, every, dur, more);
	struct rp_scenario* sc = p->sc;
	if (n < 1 || !rp_parse_duration_ms(d, &sc->session_ms) || sc->session_ms < 1000)
		return fail_at(p, "session: \"%s\": a duration of 1s or more first (session = "
		                  "30s idle)", value);
	sc->activity = RP_ACTIVITY_IDLE;
	if (n == 1 || (n == 2 && strcmp(act, "idle") == 0))
		return 1;
	if (n == 4 && (strcmp(act, "input") == 0 || strcmp(act, "refresh") == 0) &&
	    every_ok(every, dur, &sc->every_ms))
	{
		sc->activity = strcmp(act, "input") == 0 ? RP_ACTIVITY_INPUT : RP_ACTIVITY_REFRESH;
		return 1;
	}
	return fail_at(p, "session: \"%s\": write \"DURATION idle\", \"DURATION input every "
	                  "DURATION\" or \"DURATION refresh every DURATION\" (50ms or more)",
	               value);
}

/* none | still | ticking every DURATION | busy every DURATION */
static int set_desktop(struct parse* p, const struct key_def* k, char* dst, const char* value)
{
	char w[16], every[16], dur[32], more[8];
	int n = sscanf(value, "%15s %15s %31s %7s", w, every, dur, more);
	struct rp_scenario* sc = p->sc;
	if (n == 1 && (strcmp(w, "none") == 0 || strcmp(w, "still") == 0))
	{
		sc->desktop = strcmp(w, "none") == 0 ? RP_DESKTOP_NONE : RP_DESKTOP_STILL;
		return 1;
	}
	if (n == 3 && (strcmp(w, "ticking") == 0 || strcmp(w, "busy") == 0) &&
	    every_ok(every, dur, &sc->desktop_every_ms))
	{
		sc->desktop = strcmp(w, "ticking") == 0 ? RP_DESKTOP_TICKING : RP_DESKTOP_BUSY;
		return 1;
	}
	return fail_at(p, "desktop: \"%s\": none, still, \"ticking every DURATION\" or "
	                  "\"busy every DURATION\" (50ms or more)", value);
}

/* Cause names separated by commas or blanks, as bits (1 << enum rp_cause). */
static int set_causes(struct parse* p, const struct key_def* k, char* dst, const char* value)
{
	uint32_t bits = 0;
	const char* w = value;
	while (*w)
	{
		size_t n;
		char name[40];
		enum rp_cause c;
		w += strspn(w, " ,");
		n = strcspn(w, " ,");
		if (!n)
			break;
		snprintf(name, sizeof(name), "%.*s", (int)(n < 39 ? n : 39), w);
		c = rp_cause_from_name(name);
		if (c == RP_CAUSE_COUNT || n >= 39)
			return fail_at(p, "%s: unknown cause \"%.*s\" (see `rdprepro causes`)", k->key,
			               (int)n, w);
		bits |= 1u << c;
		w += n;
	}
	*(uint32_t*)(void*)dst = bits;
	return 1;
}

/* Words of the key's choices separated by commas or blanks, as bits. */
static int set_flags(struct parse* p, const struct key_def* k, char* dst, const char* value)
{
	unsigned bits = 0;
	const char* w = value;
	while (*w)
	{
		size_t n;
		const struct choice* c;
		w += strspn(w, " ,");
		n = strcspn(w, " ,");
		if (!n)
			break;
		c = find_choice(k->choices, w, n);
		if (!c)
			return fail_at(p, "%s: what is \"%.*s\"?", k->key, (int)n, w);
		bits |= (unsigned)c->value;
		w += n;
	}
	*(unsigned*)(void*)dst = bits;
	return 1;
}

static int set_value(struct parse* p, const struct key_def* k, const char* value, bool cont)
{
	char* dst = (char*)p->sc + k->off;
	char* end = NULL;

	if (!*value && !cont)
		return fail_at(p, "key \"%s\" has no value", k->key);
	if (cont && k->kind != K_TEXT && k->kind != K_ARGS)
		return fail_at(p, "%s: a continuation line is only for text", k->key);
	if (k->has >= 0)
		*(bool*)((char*)p->sc + k->has) = true;
	switch (k->kind)
	{
		case K_TEXT:
		case K_ARGS:
		{
			size_t len = cont ? strlen(dst) : 0;
			struct rp_err refused;
			if (len + 1 + strlen(value) >= k->size)
				return fail_at(p, "value of \"%s\" is too long (at most %zu characters)", k->key,
				               k->size - 1);
			snprintf(dst + len, k->size - len, "%s%s", len ? " " : "", value);
			/* Checked with the lines before it: a token of theirs passed at its own line, so
			 * what fails now is on this one (or repeats an option of theirs). */
			if (k->kind == K_ARGS && !rp_client_args_check(dst, &refused))
				return fail_at(p, "client args: %s", refused.msg);
			return 1;
		}
		case K_DURATION:
			if (!rp_parse_duration_ms(value, (uint32_t*)(void*)dst))
				return fail_at(p, "%s: bad duration \"%s\" (e.g. 250ms, 3s)", k->key, value);
			return 1;
		case K_UINT:
		case K_CODE:
		{
			unsigned long v;
			errno = 0;
			v = strtoul(value, &end, k->kind == K_CODE ? 0 : 10);
			if (errno || *end || v > UINT32_MAX || value[0] == '-')
				return fail_at(p, "%s: bad number \"%s\"", k->key, value);
			*(uint32_t*)(void*)dst = (uint32_t)v;
			return 1;
		}
		case K_CAUSE:
		{
			enum rp_cause c = rp_cause_from_name(value);
			if (c == RP_CAUSE_COUNT)
				return fail_at(p, "%s: unknown cause \"%s\" (see `rdprepro causes`)", k->key,
				               value);
			*(enum rp_cause*)(void*)dst = c;
			return 1;
		}
		case K_WORD:
			if (!find_choice(k->choices, value, strlen(value)))
				return fail_at(p, "%s: what is \"%s\"?", k->key, value);
			rp_strlcpy(dst, value, k->size);
			return 1;
		case K_TRIGGER:
		{
			char why[256];
			if (!rp_trigger_parse((struct rp_trigger*)(void*)dst, value,
			                      strcmp(k->key, "reset") == 0, why, sizeof(why)))
				return fail_at(p, "%s: %s", k->key, why);
			return 1;
		}
		case K_PHASE_OR_NONE:
		case K_PHASE:
		{
			enum rp_phase ph = rp_phase_from_name(value);
			if (ph == RP_PHASE_COUNT)
				return fail_at(p, "%s: unknown phase \"%s\" (tcp, x224, tls, nla, mcs, ...)",
				               k->key, value);
			*(int*)(void*)dst = (int)ph;
			return 1;
		}
		case K_ENUM:
		{
			const struct choice* c = find_choice(k->choices, value, strlen(value));
			if (!c)
				return fail_at(p, "%s: what is \"%s\"?", k->key, value);
			store_int(dst, k->size, c->value);
			return 1;
		}
		case K_SHAPE:
			return set_shape(p, k, dst, value);
		case K_SESSION:
			return set_session(p, k, dst, value);
		case K_DESKTOP:
			return set_desktop(p, k, dst, value);
		case K_CAUSES:
			return set_causes(p, k, dst, value);
		case K_FLAGS:
			return set_flags(p, k, dst, value);
	}
	return fail_at(p, "internal: key kind");
}

/* Called by inih for each key = value (and for each continuation line of a value). */
static int handler(void* user, const char* section, const char* name, const char* value)
{
	struct parse* p = user;
	int si = section_index(section);

	if (p->too_long)
		return fail_at(p, "line too long (at most %d characters)", INI_MAX_LINE - 2);
	if (!*section)
		return fail_at(p, "key \"%s\" before any [section]", name);
	if (si < 0)
		return fail_line(p, p->header_line, "unknown section [%s]", section);
	if (strcmp(p->last_section, section) != 0)
	{
		/* inih merges a section named twice; a scenario names each once. */
		if (p->section_line[si])
			return fail_line(p, p->header_line, "section [%s] appears twice (first at line %d)",
			                 section, p->section_line[si]);
		p->section_line[si] = p->header_line;
		rp_strlcpy(p->last_section, section, sizeof(p->last_section));
	}
	for (size_t i = 0; i < N_KEYS; i++)
	{
		if (strcmp(keys[i].section, section) != 0 || strcmp(keys[i].key, name) != 0)
			continue;
		if (p->seen[i] && p->indented)
			return set_value(p, &keys[i], value, true);
		if (p->seen[i])
			return fail_at(p, "duplicate key \"%s\" (first at line %d)", name, p->seen[i]);
		p->seen[i] = p->line;
		return set_value(p, &keys[i], value, false);
	}
	return fail_at(p, "unknown key \"%s\" in [%s]", name, section);
}

int rp_key_line(const struct parse* p, const char* section, const char* key)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(keys[i].section, section) == 0 && strcmp(keys[i].key, key) == 0)
			return p->seen[i];
	return 0;
}

const struct rp_trigger* rp_scenario_timed(const struct rp_scenario* sc)
{
	return sc->reset.when ? &sc->reset : sc->drop.when ? &sc->drop : &sc->shape_from;
}

bool rp_scenario_needs_engine(const struct rp_scenario* sc)
{
	return rp_shape_needs_engine(&sc->link[0]) || rp_shape_needs_engine(&sc->link[1]);
}

static void defaults(struct rp_scenario* sc, const char* path)
{
	const char* base = strrchr(path, '/');
	size_t n;

	memset(sc, 0, sizeof(*sc));
	rp_strlcpy(sc->path, path, sizeof(sc->path));
	rp_strlcpy(sc->name, base ? base + 1 : path, sizeof(sc->name));
	n = strlen(sc->name);
	if (n > 4 && strcmp(sc->name + n - 4, ".scn") == 0)
		sc->name[n - 4] = '\0';
	sc->deadline_ms = 20000;
	sc->hold_ms = 500;
	sc->seed = 1;
	sc->requires = RP_REQ_ROOT;
	sc->pause_phase = -1;
	sc->error_phase = -1;
	sc->hang_phase = -1;
	rp_strlcpy(sc->security, "negotiate", sizeof(sc->security));
	sc->expect = RP_CAUSE_COUNT;
}

static bool load_stream(struct rp_scenario* sc, const char* path, FILE* f, struct rp_err* err)
{
	struct parse p = { .sc = sc, .err = err, .f = f };
	int rc;

	defaults(sc, path);
	rc = ini_parse_stream(reader, &p, handler, &p);
	if (rc < 0)
		return rp_fail(err, "%s: cannot read the file", path);
	if (p.err_line && (rc == 0 || rc >= p.err_line))
		return false; /* our own error came first: err holds it */
	if (rc > 0)
		return rp_fail(err, "%s:%d: syntax error: not \"key = value\", \"[section]\" or a comment",
		               path, rc);
	for (size_t i = 0; i < N_KEYS; i++)
		if (keys[i].required && !p.seen[i])
			return rp_fail(err, "%s: missing key \"%s\" in [%s]", path, keys[i].key,
			               keys[i].section);
	if (!rp_scenario_conflicts(sc, &p, p.err))
		return false;
	/* A desktop that has a session paints: what a desktop sends first (the lab's server). */
	if (sc->session_ms && sc->peer == RP_PEER_LAB && !rp_key_line(&p, "server", "desktop"))
		sc->desktop = RP_DESKTOP_STILL;
	/* The peer is a requirement, found by looking for it. */
	if (sc->peer == RP_PEER_XRDP)
		sc->requires |= RP_REQ_XRDP;
	if (sc->peer == RP_PEER_SHADOW)
		sc->requires |= RP_REQ_SHADOW;
	if (sc->xfreerdp)
		sc->requires |= RP_REQ_XFREERDP;
	if (!only_word_chars(sc->name))
		return rp_fail(err, "%s: file name \"%s\": use a-z, 0-9 and '-' only", path, sc->name);
	return true;
}

/* Loads from f (closed here), or says why it could not be opened. */
static bool load_opened(struct rp_scenario* sc, const char* path, FILE* f, struct rp_err* err)
{
	bool ok;

	if (!f)
	{
		defaults(sc, path);
		return rp_fail(err, "%s: %s", path, strerror(errno));
	}
	ok = load_stream(sc, path, f, err);
	fclose(f);
	return ok;
}

/* A scenario is a page of text: the catalog's longest is 1.3 KiB. */
#define SCENARIO_MAX_BYTES (64 * 1024)

bool rp_scenario_load(struct rp_scenario* sc, const char* path, struct rp_err* err)
{
	struct stat st;
	char* text = NULL;
	size_t len = 0;
	bool ok;

	/* A device is refused before it is opened: opening one can act (a watchdog arms, a tape
	 * rewinds). rp_read_regular refuses FIFOs, sockets and directories without blocking, and
	 * whatever a name was swapped for between the two looks. */
	if (stat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
	{
		defaults(sc, path);
		return rp_fail(err, "%s: not a regular file (a %s device): refused", path,
		               S_ISCHR(st.st_mode) ? "character" : "block");
	}
	if (!rp_read_regular(path, SCENARIO_MAX_BYTES, false, &text, &len, err))
	{
		defaults(sc, path);
		return false;
	}
	ok = rp_scenario_parse(sc, path, text, len, err);
	free(text);
	return ok;
}

bool rp_scenario_parse(struct rp_scenario* sc, const char* path, const char* text, size_t len,
                       struct rp_err* err)
{
	return load_opened(sc, path, len ? fmemopen((void*)text, len, "r") : fopen("/dev/null", "r"),
	                   err);
}
