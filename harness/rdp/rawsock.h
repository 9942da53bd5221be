/* rawsock.h: the probe's raw sockets. The probe runs without any capability (priv.h), so the
 * runner's child opens a raw ICMP and a raw TCP socket in the lab's client namespace before it
 * leaves root, and the probe inherits them (RDPREPRO_RAW_ICMP_FD, RDPREPRO_RAW_TCP_FD). A
 * socket keeps the right it was opened with; it reaches nothing but the lab's client
 * namespace. Outside a lab (a developer running `rdprepro probe` as root), socket() as before. */
#ifndef RDPREPRO_RAWSOCK_H
#define RDPREPRO_RAWSOCK_H

/* A raw IPv4 socket for proto (IPPROTO_ICMP or IPPROTO_TCP), CLOEXEC, its own descriptor to
 * close: a dup of the inherited one, emptied of what queued while nobody read it, or a new one.
 * -1 with errno on failure (EPERM without CAP_NET_RAW and nothing inherited). */
int rp_raw_socket(int proto);

#endif
