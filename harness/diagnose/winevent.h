/* winevent.h: Windows events as users paste them, and as .evtx records give them: XML
 * (Event Viewer's "Details > XML View", wevtutil qe /f:xml, an .evtx record), Event Viewer's
 * text ("Log Name: ... Event ID: 1026 ... Description: ..."), Get-WinEvent's table and list
 * output ("Id : 1026", "TimeCreated Id LevelDisplayName Message"). What comes out is each
 * event's ID, provider, EventData and message: the meaning is fieldlog_windows.c's. */
#ifndef RDPREPRO_WINEVENT_H
#define RDPREPRO_WINEVENT_H

#include <stdbool.h>

#define RP_WIN_MAX_DATA 12
#define RP_WIN_MAX_EVENTS 64

struct rp_win_event
{
	int id;   /* EventID */
	int line; /* where it starts in the text (1-based), 0 for an .evtx record */
	char provider[96];
	char message[512]; /* the rendered message, when the text has one */
	int n_data;
	char data_name[RP_WIN_MAX_DATA][40];
	char data_value[RP_WIN_MAX_DATA][128];
};

struct rp_win_events
{
	struct rp_win_event ev[RP_WIN_MAX_EVENTS];
	int n;
	int dropped; /* events past RP_WIN_MAX_EVENTS */
	bool xml;    /* read as XML */
};

/* Whether the text holds Windows events at all (an <Event> element, "Event ID:", a
 * TerminalServices provider, Get-WinEvent's columns). */
bool rp_win_looks_like_events(const char* text);
/* Reads every event in text: XML through libxml2 (several <Event> elements without a root
 * are read as one document), else the text forms line by line. Never fails: what it cannot
 * read, it leaves out. */
void rp_win_events_read(const char* text, struct rp_win_events* out);
/* The value of EventData's <Data Name="name">, or NULL. */
const char* rp_win_data(const struct rp_win_event* e, const char* name);

#endif
