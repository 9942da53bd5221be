/* artifact.c: what other machines wrote, read as a stranger's (merge, `sweep --report`:
 * docs/sharding.md, "What merge accepts"; docs/security.md): JSON in json-c's strict mode with
 * every member checked for its type and bounds, names as the scenario format allows them, text
 * for our reports, a run's folder name, an SVG (result.json: resultjson.c). */
#include "artifact.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlstring.h>

#include "grid.h"
#include "verdict.h"

/* ---- strict JSON ---- */

/* sweep.json and result.json are objects a few levels deep (result.json's evidence: 5). */
#define JSON_DEPTH 16

/* len bytes as one JSON object, nothing after it but blanks. json-c's strict mode (no NaN,
 * Infinity, comments, single quotes or control characters in strings) and its UTF-8 check:
 * what our writers write and nothing else. */
json_object* rp_json_object(const char* shown, const char* text, size_t len,
                            struct rp_err* err)
{
	json_tokener* tok = json_tokener_new_ex(JSON_DEPTH);
	json_object* j = NULL;
	size_t end;

	if (!tok)
	{
		rp_fail(err, "%s: out of memory", shown);
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	if (len > INT_MAX)
		rp_fail(err, "%s: %zu bytes: too large", shown, len);
	else if (!(j = json_tokener_parse_ex(tok, text, (int)len)))
	{
		enum json_tokener_error e = json_tokener_get_error(tok);
		rp_fail(err, "%s: not JSON: %s (byte %zu)", shown,
		        e == json_tokener_continue ? "it ends too early" : json_tokener_error_desc(e),
		        json_tokener_get_parse_end(tok));
	}
	else
	{
		for (end = json_tokener_get_parse_end(tok); end < len && isspace((unsigned char)text[end]);
		     end++)
			;
		if (end != len || !json_object_is_type(j, json_type_object))
		{
			rp_fail(err, "%s: not one JSON object (%s at byte %zu)", shown,
			        end != len ? "more after it" : "another value", end);
			json_object_put(j);
			j = NULL;
		}
	}
	json_tokener_free(tok);
	return j;
}

/* o's member key of type t into *v; false with err naming shown and the field (where, then
 * key) when it is missing (and required) or of another type. An integer is a number too. */
bool rp_json_member(json_object* o, const char* where, const char* key, json_type t,
                    bool required, json_object** v, const char* shown, struct rp_err* err)
{
	static const char* const type_names[] = { "null",   "a boolean", "a number", "an integer",
		                                      "an object", "an array", "a string" };
	*v = NULL;
	if (!json_object_object_get_ex(o, key, v) || !*v)
	{
		*v = NULL;
		return required ? rp_fail(err, "%s: %s%s: missing", shown, where, key) : true;
	}
	if (json_object_is_type(*v, t) || (t == json_type_double && json_object_is_type(*v, json_type_int)))
		return true;
	return rp_fail(err, "%s: %s%s: not %s", shown, where, key,
	               (size_t)t < sizeof(type_names) / sizeof(type_names[0]) ? type_names[t] : "?");
}

/* An integer member in lo..hi (required or not: *out untouched when absent). */
bool rp_json_member_int(json_object* o, const char* key, bool required, int64_t lo, int64_t hi,
                        int64_t* out, const char* shown, struct rp_err* err)
{
	json_object* v;
	int64_t x;

	if (!rp_json_member(o, "", key, json_type_int, required, &v, shown, err))
		return false;
	if (!v)
		return true;
	errno = 0;
	x = json_object_get_int64(v);
	if (errno || x < lo || x > hi)
		return rp_fail(err, "%s: %s: %s is outside %lld..%lld", shown, key,
		               json_object_get_string(v), (long long)lo, (long long)hi);
	*out = x;
	return true;
}

/* A string of at most n - 1 bytes with no NUL in it (json-c keeps "\u0000"). */
bool rp_json_fits(json_object* v, size_t n)
{
	const char* s = json_object_get_string(v);
	size_t len = (size_t)json_object_get_string_len(v);
	return len < n && strlen(s) == len;
}

/* Where the first control character is (len if none); lines: newline, tab and CR allowed. A
 * newline in one-line text would start a line of its own in TAP or a CSV; most control
 * characters are no XML 1.0 characters, and escape sequences reach a terminal. */
size_t rp_control_at(const char* s, size_t len, bool lines)
{
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(lines && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
			return i;
	}
	return len;
}

/* ---- names, text, run folders ---- */

bool rp_name_ok(const char* s)
{
	size_t n = strlen(s);
	/* scenario.c's rule for a scenario's file name, and the size of its name (63 + NUL). */
	return n >= 1 && n <= 63 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

bool rp_report_text_ok(const char* shown, const char* s, size_t len, struct rp_err* err)
{
	size_t at;

	if (strlen(s) != len)
		return rp_fail(err, "%s: a NUL byte at byte %zu: not text a run writes", shown, strlen(s));
	if (!xmlCheckUTF8((const unsigned char*)s))
		return rp_fail(err, "%s: not UTF-8: not text a run writes", shown);
	if ((at = rp_control_at(s, len, true)) < len)
		return rp_fail(err, "%s: control character 0x%02x at byte %zu: not text a run writes",
		               shown, (unsigned char)s[at], at);
	return true;
}

int rp_run_folder(const char* name, int max)
{
	char* end;
	long k;

	if (strncmp(name, "run-", 4) != 0)
		return 0;
	if (name[4] < '1' || name[4] > '9')
		return -1;
	errno = 0;
	k = strtol(name + 4, &end, 10);
	return *end || errno || k > max ? -1 : (int)k;
}

/* ---- an SVG from another machine ---- */

/* The elements a timeline.svg is made of (timeline.c), and the few drawing elements beside
 * them; nothing that runs, loads or embeds: no script, foreignObject, use, image, a, animate,
 * set, iframe. */
static const char* const svg_elements[] = { "svg",  "g",        "rect",    "line",   "polyline",
	                                        "polygon", "path",  "circle",  "ellipse", "text",
	                                        "tspan", "title",  "desc",    "defs",   "style" };

static bool svg_element_ok(const xmlNode* n)
{
	if (n->ns && xmlStrcmp(n->ns->href, (const xmlChar*)"http://www.w3.org/2000/svg") != 0)
		return false;
	for (size_t i = 0; i < sizeof(svg_elements) / sizeof(svg_elements[0]); i++)
		if (xmlStrcmp(n->name, (const xmlChar*)svg_elements[i]) == 0)
			return true;
	return false;
}

/* An attribute that runs or loads nothing: no event handler (on...), no link (href in any
 * namespace), no value that names a script or a resource. */
static bool svg_attribute_ok(const xmlAttr* a)
{
	const char* name = (const char*)a->name;
	xmlChar* v = xmlNodeListGetString(a->doc, a->children, 1);
	const char* s = v ? (const char*)v : "";
	bool ok = strncasecmp(name, "on", 2) != 0 && strcasecmp(name, "href") != 0 &&
	          !strcasestr(s, "javascript:") && !strcasestr(s, "url(") && !strcasestr(s, "data:");

	xmlFree(v);
	return ok;
}

/* A <style> whose text loads nothing (no url(), @import or expression()). */
static bool svg_style_ok(const xmlNode* n)
{
	xmlChar* css = xmlNodeGetContent(n);
	const char* s = css ? (const char*)css : "";
	bool ok = !strcasestr(s, "url(") && !strcasestr(s, "@import") && !strcasestr(s, "expression(");

	xmlFree(css);
	return ok;
}

static void svg_clean_node(xmlNode* n, int* removed)
{
	xmlNode* next;

	for (xmlNode* c = n->children; c; c = next)
	{
		next = c->next;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
		    c->type == XML_COMMENT_NODE)
			continue;
		if (c->type != XML_ELEMENT_NODE || !svg_element_ok(c) ||
		    (xmlStrcmp(c->name, (const xmlChar*)"style") == 0 && !svg_style_ok(c)))
		{
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			(*removed)++;
			continue;
		}
		for (xmlAttr *a = c->properties, *an; a; a = an)
		{
			an = a->next;
			if (!svg_attribute_ok(a))
			{
				xmlRemoveProp(a);
				(*removed)++;
			}
		}
		svg_clean_node(c, removed);
	}
}

bool rp_svg_clean(const char* shown, const char* in, size_t len, char** out, size_t* out_len,
                  int* removed, struct rp_err* err)
{
	/* No network, no entity substitution, no DTD loaded: the file is read as it stands. */
	xmlDoc* doc = len <= INT_MAX ? xmlReadMemory(in, (int)len, shown, NULL,
	                                             XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                                 XML_PARSE_NOWARNING)
	                             : NULL;
	xmlNode* root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlChar* mem = NULL;
	int n = 0;

	*out = NULL;
	*removed = 0;
	if (!root || xmlStrcmp(root->name, (const xmlChar*)"svg") != 0)
	{
		xmlFreeDoc(doc);
		return rp_fail(err, "%s: not an SVG document: refused", shown);
	}
	/* The document's own DTD and processing instructions go too: only the <svg> tree stays. */
	for (xmlNode *c = doc->children, *next; c; c = next)
	{
		next = c->next;
		if (c != root)
		{
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			(*removed)++;
		}
	}
	for (xmlAttr *a = root->properties, *an; a; a = an)
	{
		an = a->next;
		if (!svg_attribute_ok(a))
		{
			xmlRemoveProp(a);
			(*removed)++;
		}
	}
	svg_clean_node(root, removed);
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	xmlFreeDoc(doc);
	if (!mem || n <= 0)
	{
		xmlFree(mem);
		return rp_fail(err, "%s: out of memory", shown);
	}
	*out = malloc((size_t)n);
	if (*out)
		memcpy(*out, mem, (size_t)n);
	*out_len = (size_t)n;
	xmlFree(mem);
	return *out ? true : rp_fail(err, "%s: out of memory", shown);
}
