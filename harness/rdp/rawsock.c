/* rawsock.c: the probe's raw sockets, inherited or made. */
#include "rawsock.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int rp_raw_socket(int proto)
{
	const char* name = proto == IPPROTO_ICMP ? "RDPREPRO_RAW_ICMP_FD" : "RDPREPRO_RAW_TCP_FD";
	const char* v = getenv(name);
	char* end = NULL;
	long inherited = v && *v ? strtol(v, &end, 10) : -1;
	unsigned char drain[2048];
	int type = 0, fd;
	socklen_t len = sizeof(type);

	/* Only a descriptor that is what the name says: a raw socket. */
	if (inherited < 3 || !end || *end || inherited > 1 << 20 ||
	    getsockopt((int)inherited, SOL_SOCKET, SO_TYPE, &type, &len) != 0 || type != SOCK_RAW)
		return socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, proto);
	if ((fd = fcntl((int)inherited, F_DUPFD_CLOEXEC, 3)) < 0)
		return -1;
	/* A raw socket gets a copy of every packet of its protocol since it was opened: what
	 * queued before this use is not this use's answer. */
	for (int k = 0; k < 65536 && recv(fd, drain, sizeof(drain), MSG_DONTWAIT) >= 0; k++)
		;
	errno = 0;
	return fd;
}
