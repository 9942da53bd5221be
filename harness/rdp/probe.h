/* probe.h: `rdprepro probe`, the lab's headless RDP client on libfreerdp3.
 *
 * Connects once (FreeRDP may retry once by itself: each TCP connection is an attempt in
 * the record), keeps pumping events after freerdp_connect returns until the session is
 * active plus a hold time (a server's denial arrives after activation), and writes the
 * evidence record (evidence.h) as JSON. A watchdog ends a stalled attempt at the deadline:
 * no FreeRDP setting bounds a handshake whose server data is black-holed. */
#ifndef RDPREPRO_PROBE_H
#define RDPREPRO_PROBE_H

int rp_probe_main(int argc, char** argv);

/* After its deadline and hold, what the probe allows itself for the liveness probe, the
 * recheck and the replay together; the runner's backstop is a little longer (PROBE_GRACE_MS). */
#define RP_PROBE_POST_MS 12000

#endif
