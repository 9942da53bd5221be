/* server.h: `rdprepro server`, the lab's RDP server on libfreerdp-server3.
 *
 * Listens with TLS and NLA (certificate, key and SAM file from creds.h), brings each
 * connection to the active state, and reports every connection-state transition on
 * stdout, one line each, so that the runner can time faults on a phase:
 *
 *   listening ADDR PORT T        ready to accept
 *   peer ID accepted T           TCP accepted
 *   peer ID state NAME T         FreeRDP state reached (freerdp_state_string)
 *   peer ID event NAME T         tls-start, tls-done, activated
 *   peer ID closed T             connection ended
 *
 * T is CLOCK_MONOTONIC in ms, comparable with the probe's clock. */
#ifndef RDPREPRO_SERVER_H
#define RDPREPRO_SERVER_H

int rp_server_main(int argc, char** argv);

#endif
