/* wlog.c: what every FreeRDP process of the lab does first. */
#include "wlog.h"

#include <winpr/ssl.h>
#include <winpr/wlog.h>

void rp_freerdp_process_setup(void)
{
	wLog* root = WLog_GetRoot();
	wLogAppender* app;

	winpr_InitializeSSL(WINPR_SSL_INIT_DEFAULT);
	if (root && WLog_SetLogAppenderType(root, WLOG_APPENDER_CONSOLE) &&
	    (app = WLog_GetLogAppender(root)))
		WLog_ConfigureAppender(app, "outputstream", (void*)"stderr");
}
