/* winevent.c: Windows events out of pasted text or .evtx XML (libxml2 for the XML). */
#include "winevent.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

const char* rp_win_data(const struct rp_win_event* e, const char* name)
{
	for (int i = 0; i < e->n_data; i++)
		if (strcasecmp(e->data_name[i], name) == 0)
			return e->data_value[i];
	return NULL;
}

static struct rp_win_event* new_event(struct rp_win_events* out, int line)
{
	struct rp_win_event* e;

	if (out->n >= RP_WIN_MAX_EVENTS)
	{
		out->dropped++;
		return NULL;
	}
	e = &out->ev[out->n++];
	memset(e, 0, sizeof(*e));
	e->line = line;
	return e;
}

static void add_data(struct rp_win_event* e, const char* name, const char* value)
{
	if (!e || e->n_data >= RP_WIN_MAX_DATA || !name || !*name)
		return;
	snprintf(e->data_name[e->n_data], sizeof(e->data_name[0]), "%s", name);
	snprintf(e->data_value[e->n_data], sizeof(e->data_value[0]), "%s", value ? value : "");
	/* trailing blanks of a pasted value */
	for (size_t k = strlen(e->data_value[e->n_data]);
	     k > 0 && isspace((unsigned char)e->data_value[e->n_data][k - 1]); k--)
		e->data_value[e->n_data][k - 1] = '\0';
	e->n_data++;
}

/* ---- XML ---- */

static bool named(const xmlNode* n, const char* name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, (const xmlChar*)name) == 0;
}

static const xmlNode* child(const xmlNode* n, const char* name)
{
	for (const xmlNode* c = n ? n->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static void text_of(const xmlNode* n, char* buf, size_t size)
{
	xmlChar* t = n ? xmlNodeGetContent(n) : NULL;
	snprintf(buf, size, "%s", t ? (const char*)t : "");
	xmlFree(t);
}

static void read_xml_event(const xmlNode* ev, struct rp_win_events* out)
{
	const xmlNode* sys = child(ev, "System");
	const xmlNode* n;
	struct rp_win_event* e;
	char buf[128];

	if (!sys || !(n = child(sys, "EventID")))
		return;
	text_of(n, buf, sizeof(buf));
	if (!(e = new_event(out, (int)xmlGetLineNo(ev))))
		return;
	e->id = (int)strtol(buf, NULL, 10);
	if ((n = child(sys, "Provider")))
	{
		xmlChar* p = xmlGetProp(n, (const xmlChar*)"Name");
		snprintf(e->provider, sizeof(e->provider), "%s", p ? (const char*)p : "");
		xmlFree(p);
	}
	/* <EventData><Data Name="Value">2308</Data>...; a Data without a Name keeps its place. */
	if ((n = child(ev, "EventData")))
		for (const xmlNode* d = n->children; d; d = d->next)
			if (named(d, "Data"))
			{
				xmlChar* nm = xmlGetProp(d, (const xmlChar*)"Name");
				char v[128];
				text_of(d, v, sizeof(v));
				snprintf(buf, sizeof(buf), "%s", nm ? (const char*)nm : "Data");
				add_data(e, buf, v);
				xmlFree(nm);
			}
	/* <UserData><EventXML><Session>3</Session><Reason>5</Reason>...: LocalSessionManager. */
	if ((n = child(ev, "UserData")))
		for (const xmlNode* x = n->children; x; x = x->next)
			if (x->type == XML_ELEMENT_NODE)
				for (const xmlNode* d = x->children; d; d = d->next)
					if (d->type == XML_ELEMENT_NODE)
					{
						char v[128];
						text_of(d, v, sizeof(v));
						add_data(e, (const char*)d->name, v);
					}
	if ((n = child(ev, "RenderingInfo")) && (n = child(n, "Message")))
		text_of(n, e->message, sizeof(e->message));
}

static void walk_xml(const xmlNode* n, struct rp_win_events* out)
{
	for (; n; n = n->next)
	{
		if (named(n, "Event"))
			read_xml_event(n, out);
		else if (n->type == XML_ELEMENT_NODE)
			walk_xml(n->children, out);
	}
}

static bool read_xml(const char* text, struct rp_win_events* out)
{
	const char* from = strstr(text, "<Event");
	const char* to = NULL;
	char* doc;
	size_t len;
	xmlDoc* x;

	if (!from)
		return false;
	for (const char* p = from; (p = strstr(p, "</Event>")); p++)
		to = p + strlen("</Event>");
	if (!to)
		return false;
	/* wevtutil and Get-WinEvent's ToXml() give events one after another, with no root. */
	len = (size_t)(to - from);
	if (!(doc = malloc(len + 32)))
		return false;
	snprintf(doc, len + 32, "<rp>%.*s</rp>", (int)len, from);
	/* The text is UTF-8 whatever the file was (rp_logtext_decode): said, not guessed. */
	x = xmlReadMemory(doc, (int)strlen(doc), "events.xml", "UTF-8",
	                  XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	                      XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	free(doc);
	if (!x)
		return false;
	walk_xml(xmlDocGetRootElement(x), out);
	xmlFreeDoc(x);
	/* Line numbers: count from where the XML began in the text. */
	{
		int base = 0;
		for (const char* p = text; p < from; p++)
			base += *p == '\n';
		for (int i = 0; i < out->n; i++)
			if (out->ev[i].line > 0)
				out->ev[i].line += base;
	}
	out->xml = true;
	return out->n > 0;
}

/* ---- text ---- */

/* Messages that name their event when the paste has no header (EventID from the message). */
static const struct
{
	const char* words;
	int id;
	const char* provider; /* when the message tells it, for a message pasted alone */
} message_ids[] = {
	{ "is trying to connect to the server", 1024, NULL },
	{ "has connected to the server", 1025, NULL },
	{ "has been disconnected (Reason", 1026, NULL },
	{ "Connected to domain", 1027, NULL },
	{ "Base64(SHA256(UserName))", 1029, NULL },
	{ "initiated a multi-transport connection", 1102, NULL },
	{ "established a multi-transport connection", 1103, NULL },
	{ "multi-transport connection has been disconnected", 1105, NULL },
	{ "RDPClient_SSL: An error was encountered", 226, NULL },
	{ "Client machine has lost network connectivity", 1006, NULL },
	{ "DNS failed to resolve the server name", 1007, NULL },
	{ "failed to automatically connect to the server", 1015, NULL },
	{ "credentials provided were failed to be authenticated", 1009, NULL },
	{ "Client does not have a license to connect", 1017, NULL },
	{ "of the RDP graphics protocol (client mode", 1401, NULL },
	{ "An account failed to log on", 4625, "Microsoft-Windows-Security-Auditing" },
	{ "A user was denied the access to Remote Desktop", 4825,
	  "Microsoft-Windows-Security-Auditing" },
	{ "detected an error in the protocol stream", 56, "TermDD" },
	{ "User authentication succeeded", 1149,
	  "Microsoft-Windows-TerminalServices-RemoteConnectionManager" },
};

bool rp_win_looks_like_events(const char* text)
{
	static const char* const marks[] = {
		"<EventID", "Event ID:", "EventID:", "TerminalServices-", "RemoteDesktopServices-",
		"RDP ClientActiveX", "ClientActiveXCore", "LevelDisplayName",
		"Microsoft-Windows-Security-Auditing",
	};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strstr(text, marks[i]))
			return true;
	/* or an event's message pasted alone */
	for (size_t i = 0; i < sizeof(message_ids) / sizeof(message_ids[0]); i++)
		if (strstr(text, message_ids[i].words))
			return true;
	return false;
}

static void trim(char* s)
{
	size_t k = strlen(s);
	while (k > 0 && isspace((unsigned char)s[k - 1]))
		s[--k] = '\0';
}

/* "  Name:\t\tValue" or "Name : Value": the key without its spaces. */
static bool key_value(const char* line, char* key, size_t nk, const char** value)
{
	const char* c = strchr(line, ':');
	size_t o = 0;

	if (!c || c == line || c - line > 40)
		return false;
	for (const char* p = line; p < c && o + 1 < nk; p++)
	{
		if (isalnum((unsigned char)*p))
			key[o++] = *p;
		else if (*p != ' ' && *p != '\t' && *p != '-')
			return false;
	}
	key[o] = '\0';
	*value = c + 1;
	while (**value == ' ' || **value == '\t')
		(*value)++;
	return o > 0;
}

static void read_text(const char* text, struct rp_win_events* out)
{
	regex_t row;
	const char* line = text;
	int no = 0;
	struct rp_win_event* cur = NULL;
	char provider[96] = "";
	bool want_message = false;
	bool matched;
	/* Get-WinEvent's table: "12/1/2023 10:00:01 AM   1026 Information  RDP ClientActiveX ..." */
	bool row_ok = regcomp(&row,
	                      "^[[:space:]]*[0-9][0-9./-]+ [0-9:]+( [AP]M)?[[:space:]]+([0-9]{2,5})"
	                      "[[:space:]]+[A-Z][a-z]+[[:space:]]+(.*)$",
	                      REG_EXTENDED) == 0;

	while (*line)
	{
		size_t n = strcspn(line, "\r\n");
		char buf[1024], key[48];
		const char* val;
		regmatch_t m[4];

		snprintf(buf, sizeof(buf), "%.*s", (int)(n < sizeof(buf) - 1 ? n : sizeof(buf) - 1), line);
		no++;
		line += n;
		if (*line == '\r')
			line++;
		if (*line == '\n')
			line++;
		trim(buf);
		if (row_ok && regexec(&row, buf, 4, m, 0) == 0)
		{
			if ((cur = new_event(out, no)))
			{
				cur->id = (int)strtol(buf + m[2].rm_so, NULL, 10);
				snprintf(cur->message, sizeof(cur->message), "%s", buf + m[3].rm_so);
				snprintf(cur->provider, sizeof(cur->provider), "%s", provider);
			}
			want_message = false;
			continue;
		}
		/* A message pasted alone (before "Key: value": "first error information:The RDP ..."). */
		matched = false;
		for (size_t i = 0; i < sizeof(message_ids) / sizeof(message_ids[0]); i++)
			if (strstr(buf, message_ids[i].words))
			{
				if (!cur || (cur->id && cur->id != message_ids[i].id) || cur->message[0])
					cur = new_event(out, no);
				if (cur)
				{
					cur->id = message_ids[i].id;
					snprintf(cur->message, sizeof(cur->message), "%s", buf);
					if (message_ids[i].provider && !cur->provider[0])
						snprintf(cur->provider, sizeof(cur->provider), "%s",
						         message_ids[i].provider);
				}
				matched = true;
				break;
			}
		if (matched)
			continue;
		if (key_value(buf, key, sizeof(key), &val))
		{
			if (strcasecmp(key, "EventID") == 0 || strcasecmp(key, "Id") == 0)
			{
				long id = strtol(val, NULL, 10);
				if (id > 0 && id < 100000)
				{
					if (!cur || cur->id)
						cur = new_event(out, no);
					if (cur)
					{
						cur->id = (int)id;
						if (!cur->provider[0])
							snprintf(cur->provider, sizeof(cur->provider), "%s", provider);
					}
				}
				want_message = false;
				continue;
			}
			if (strcasecmp(key, "Source") == 0 || strcasecmp(key, "ProviderName") == 0 ||
			    strcasecmp(key, "LogName") == 0)
			{
				/* Event Viewer puts Source before Event ID: it belongs to the next event,
				 * unless this one has none yet. */
				if (strcasecmp(key, "LogName") != 0 || !provider[0])
					snprintf(provider, sizeof(provider), "%s", val);
				if (cur && !cur->provider[0])
					snprintf(cur->provider, sizeof(cur->provider), "%s", val);
				if (strcasecmp(key, "LogName") == 0 && cur && cur->id)
					cur = NULL; /* a new event's header begins */
				continue;
			}
			if (strcasecmp(key, "Description") == 0 || strcasecmp(key, "Message") == 0)
			{
				if (cur && *val)
					snprintf(cur->message, sizeof(cur->message), "%s", val);
				want_message = !*val;
				continue;
			}
			if (cur && *val)
				add_data(cur, key, val);
			continue;
		}
		if (want_message && cur && buf[0])
		{
			snprintf(cur->message, sizeof(cur->message), "%s", buf);
			want_message = false;
			continue;
		}
	}
	if (row_ok)
		regfree(&row);
}

void rp_win_events_read(const char* text, struct rp_win_events* out)
{
	memset(out, 0, sizeof(*out));
	if (strstr(text, "<Event") && read_xml(text, out))
		return;
	memset(out, 0, sizeof(*out));
	read_text(text, out);
}
