/* fieldlog_netmgr.c: NETworkManager's Remote Desktop tab (BornToBeRoot/NETworkManager
 * 07661d8), in the languages it ships. It embeds Windows' RDP ActiveX control and shows, under
 * "Disconnected", one text per disconnect reason and nothing else: the code is not printed
 * (Source/NETworkManager/Controls/RemoteDesktopControl.xaml.cs:601-688, GetDisconnectReason's
 * switch; the texts in Source/NETworkManager.Localization/Resources/Strings*.resx). So each text
 * is read back into its reason, which the Windows client's readers then read as theirs. Only
 * texts of 20 bytes and more, as a whole line (a sentence of 40 bytes and more anywhere): the shortest ("Internal error.", "Out of
 * memory.") say nothing of their own; a text that a language gives two reasons is left out (the
 * three "out of memory" reasons read as the first). A reason the switch lacks shows as "Disconnect
 * reason code N not found in resources!". */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fieldlog.h"
#include "fieldlog_internal.h"

/* A text this long is a sentence of its own: read anywhere in a line. */
#define LONG_TEXT 40

#include "fieldlog_netmgr_texts.h"


/* The line without its blanks around, and without a final full stop. */
static size_t core_of(const char* line, const char** start)
{
	size_t n;

	while (*line == ' ' || *line == '\t')
		line++;
	n = strlen(line);
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		n--;
	if (n && line[n - 1] == '.')
		n--;
	else if (n >= 3 && memcmp(line + n - 3, "\u3002", 3) == 0)
		n -= 3;
	*start = line;
	return n;
}

bool fl_netmgr_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;
	const char* a;
	size_t n = core_of(line, &a);
	int reason = -1;

	if ((p = strstr(line, "Disconnect reason code ")) && strstr(p, "not found in resources"))
		reason = atoi(p + strlen("Disconnect reason code "));
	/* each text's core (no final full stop), once, as a string of its own */
	static size_t core_len[sizeof(netmgr) / sizeof(netmgr[0])];
	static char core[sizeof(netmgr) / sizeof(netmgr[0])][512];
	static bool cored;
	if (!cored)
	{
		for (size_t i = 0; i < sizeof(netmgr) / sizeof(netmgr[0]); i++)
		{
			const char* b;
			size_t m = core_of(netmgr[i].text, &b);
			core_len[i] = m < sizeof(core[i]) ? m : 0;
			memcpy(core[i], b, core_len[i]);
			core[i][core_len[i]] = '\0';
		}
		cored = true;
	}
	for (size_t i = 0; reason < 0 && n && i < sizeof(netmgr) / sizeof(netmgr[0]); i++)
	{
		size_t m = core_len[i];
		/* a whole line; a long text (a sentence of its own) anywhere in one, as a report
		 * quotes it */
		if (m && ((m == n && memcmp(a, core[i], n) == 0) ||
		          (m >= LONG_TEXT && strstr(line, core[i]))))
			reason = netmgr[i].reason;
	}
	if (reason < 0)
		return false;
	rp_strlcpy(log->family, "NETworkManager", sizeof(log->family));
	log->attempted = true;
	fl_disc_reason(log, (unsigned long)reason, no, line);
	return true;
}
