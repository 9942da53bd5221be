/* server_desktop.c: the lab server's active session: what a desktop sends (full paints, a
 * ticking region, what answers a pointer move or a refresh request), its heartbeats, and how
 * the server ends the session when it is armed to. */
#include "server_internal.h"

#include <stdlib.h>

#include <freerdp/heartbeat.h>
#include <freerdp/settings.h>

#include "util.h"

/* ---- the session: what a desktop sends ---- */

#define BAND_ROWS 64 /* a full paint goes as bands of 64 rows: 256 KiB at 1024 wide, 32 bpp,
                      * under FreeRDP's MultifragMaxRequestSize (608299) */
#define TILE 64      /* what answers a pointer move: the region around it */

/* One Surface Bits command, no codec (MS-RDPBCGR 2.2.9.2.1, codec 0: raw, bottom-up rows),
 * of w x h pixels at (x, y). The data's content varies with the frame so it is not all
 * zeros; its size is what matters here: full-size TCP segments. */
static bool send_rect(struct srv_peer* p, UINT16 x, UINT16 y, UINT16 w, UINT16 h)
{
	rdpUpdate* update = p->context.update;
	SURFACE_BITS_COMMAND cmd = { 0 };
	size_t len = (size_t)w * h * 4;

	if (!p->pixels && !(p->pixels = malloc((size_t)4096 * BAND_ROWS * 4)))
		return false;
	if (len > (size_t)4096 * BAND_ROWS * 4)
		return false;
	for (size_t i = 0; i < len; i += 4)
	{
		p->pixels[i] = (BYTE)(i / 4 + p->frames);
		p->pixels[i + 1] = (BYTE)(x + y);
		p->pixels[i + 2] = (BYTE)(i >> 12);
		p->pixels[i + 3] = 0xFF;
	}
	cmd.cmdType = CMDTYPE_SET_SURFACE_BITS;
	cmd.destLeft = x;
	cmd.destTop = y;
	cmd.destRight = (UINT32)x + w;
	cmd.destBottom = (UINT32)y + h;
	cmd.bmp.bpp = 32;
	cmd.bmp.codecID = 0;
	cmd.bmp.width = w;
	cmd.bmp.height = h;
	cmd.bmp.bitmapDataLength = (UINT32)len;
	cmd.bmp.bitmapData = p->pixels;
	if (!update->SurfaceBits || !update->SurfaceBits(&p->context, &cmd))
		return false;
	p->painted += len;
	/* A heartbeat goes only in a period with nothing else sent (MS-RDPBCGR 2.2.16.1). */
	if (srv_options.heartbeat_s > 0)
		p->next_heartbeat = rp_now_ms() + (double)srv_options.heartbeat_s * 1000.0;
	return true;
}

static UINT16 desk_w(struct srv_peer* p)
{
	UINT32 w = freerdp_settings_get_uint32(p->context.settings, FreeRDP_DesktopWidth);
	return (UINT16)(w > 4096 ? 4096 : w);
}

static UINT16 desk_h(struct srv_peer* p)
{
	UINT32 h = freerdp_settings_get_uint32(p->context.settings, FreeRDP_DesktopHeight);
	return (UINT16)(h > 4096 ? 4096 : h);
}

/* The whole desktop, band by band. */
static bool paint_all(struct srv_peer* p)
{
	UINT16 w = desk_w(p), h = desk_h(p);

	for (UINT16 y = 0; y < h && !srv_stopping; y = (UINT16)(y + BAND_ROWS))
		if (!send_rect(p, 0, y, w, (UINT16)(h - y < BAND_ROWS ? h - y : BAND_ROWS)))
			return false;
	p->frames++;
	return true;
}

/* A pointer move: the region around the pointer is repainted (a Windows desktop redraws
 * what the pointer passed over). */
BOOL srv_mouse_event(rdpInput* input, UINT16 flags, UINT16 x, UINT16 y)
{
	struct srv_peer* p = (struct srv_peer*)input->context;

	p->pointer_moved = true;
	p->px = x;
	p->py = y;
	return TRUE;
}

/* A Refresh Rect (MS-RDPBCGR 2.2.11.2): the areas are painted again; the lab paints all. */
BOOL srv_refresh_rect(rdpContext* context, BYTE count, const RECTANGLE_16* areas)
{
	((struct srv_peer*)context)->paint_all = true;
	return TRUE;
}

BOOL srv_suppress_output(rdpContext* context, BYTE allow, const RECTANGLE_16* area)
{
	return TRUE;
}

/* How the server ends a session (MS-RDPBCGR 1.3.1.4.2): Deactivate All, the Set Error Info
 * PDU if the client announced it (FreeRDP's peer Close checks the flag) and a Disconnect
 * Provider Ultimatum; `close` ends the TCP connection with none of them. */
static void srv_end_session(struct srv_peer* p, freerdp_peer* client)
{
	if (srv_options.close_silently)
	{
		srv_report(p->id, "event session-closed-without-error-info");
		p->close_now = true;
		return;
	}
	if (srv_options.deny && !srv_options.ultimatum)
		freerdp_set_error_info(p->context.rdp, (UINT32)srv_options.error_info);
	{
		bool told = !srv_options.ultimatum &&
		            freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportErrorInfoPdu);
		BOOL ok = client->Close(client);
		p->error_info_sent = ok; /* linger: the client reads what was sent before the close */
		if (srv_options.ultimatum)
			srv_report(p->id, "event %s-ultimatum", ok ? "sent" : "failed-to-send");
		else
			srv_report(p->id, "event %s-session-end-0x%lx%s", ok ? "sent" : "failed-to-send",
			       srv_options.error_info, told ? "" : "-without-error-info-client-did-not-announce-it");
	}
	p->close_now = true;
}

/* Called every round of the peer's loop (at least every 100 ms) once the session is active:
 * the desktop's paints, the heartbeats, a session end that is due. */
void srv_session_tick(struct srv_peer* p, freerdp_peer* client)
{
	double now = rp_now_ms();
	const uint32_t cmds = freerdp_settings_get_uint32(p->context.settings,
	                                                  FreeRDP_SurfaceCommandsSupported);

	if (!p->active || p->close_now)
		return;
	if (p->end_at > 0 && now >= p->end_at)
	{
		srv_end_session(p, client);
		return;
	}
	if (srv_options.heartbeat_s > 0 && now >= p->next_heartbeat &&
	    freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportHeartbeatPdu))
	{
		/* count1: missed heartbeats before a client warns; count2: before it reconnects. */
		if (freerdp_heartbeat_send_heartbeat_pdu(client, (BYTE)srv_options.heartbeat_s, 2, 3))
			p->heartbeat_count++;
		p->next_heartbeat = now + (double)srv_options.heartbeat_s * 1000.0;
	}
	if (srv_options.desktop == DESK_NONE || !(cmds & SURFCMDS_SET_SURFACE_BITS))
		return;
	if (srv_options.desktop == DESK_BUSY && now >= p->next_tick)
	{
		p->paint_all = true;
		p->next_tick = now + (double)srv_options.desktop_every_ms;
	}
	if (p->paint_all)
	{
		p->paint_all = false;
		if (!paint_all(p))
			srv_report(p->id, "event paint-failed");
	}
	if (srv_options.desktop == DESK_TICKING && now >= p->next_tick)
	{
		/* A clock, a caret: a small region every desktop_every_ms. */
		UINT16 w = desk_w(p), h = desk_h(p);
		send_rect(p, (UINT16)(w > TILE ? w - TILE : 0), (UINT16)(h > 16 ? h - 16 : 0),
		          w > TILE ? TILE : w, h > 16 ? 16 : h);
		p->next_tick = now + (double)srv_options.desktop_every_ms;
	}
	if (p->pointer_moved)
	{
		UINT16 w = desk_w(p), h = desk_h(p);
		UINT16 x = p->px >= w ? 0 : p->px, y = p->py >= h ? 0 : p->py;
		UINT16 tw = (UINT16)(w - x < TILE ? w - x : TILE), th = (UINT16)(h - y < TILE ? h - y : TILE);
		p->pointer_moved = false;
		if (tw && th)
			send_rect(p, x, y, tw, th);
	}
}
