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

#endif
