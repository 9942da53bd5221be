/* recheck.c: the active probe after a failure: a second, plain connection that asks the path
 * and the server what the failed one could not tell (docs/design.md, "The recheck after a
 * failure"). Client-observable only: a field user can do the same with a second connection. */
#include "recheck.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <linux/tcp.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "rawsock.h"
#include "util.h"

/* The TLS stage of the recheck: a handshake (no verification: this is about packets, not
 * trust) on the connection the Confirm came back on, until wait_ms. */
static void recheck_tls(int fd, int wait_ms, uint64_t bytes_before, enum rp_recheck_tls* out,
                        double* out_ms, uint64_t* bytes_in)
{
	SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
	SSL* ssl = ctx ? SSL_new(ctx) : NULL;
	double t0 = rp_now_ms();
	double end = t0 + wait_ms;
	struct tcp_info ti = { 0 };
	socklen_t len = sizeof(ti);
	int ret = 0;

	if (!ssl || SSL_set_fd(ssl, fd) != 1)
		goto out;
	SSL_set_verify(ssl, SSL_VERIFY_NONE, NULL);
	*out = RP_RECHECK_TLS_SILENT;
	while ((ret = SSL_connect(ssl)) != 1)
	{
		int e = SSL_get_error(ssl, ret);
		struct pollfd pf = { .fd = fd, .events = e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN };
		double left = end - rp_now_ms();
		if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)
		{
			*out = RP_RECHECK_TLS_FAILED;
			break;
		}
		if (left <= 0 || poll(&pf, 1, (int)left + 1) <= 0)
			break;
	}
	if (ret == 1)
		*out = RP_RECHECK_TLS_DONE;
	*out_ms = rp_now_ms() - t0;
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0 && ti.tcpi_bytes_received > bytes_before)
		*bytes_in = ti.tcpi_bytes_received - bytes_before;
out:
	SSL_free(ssl);
	SSL_CTX_free(ctx);
}

/* A plain TCP connection to the lab server, with the MSS it advertises clamped when mss > 0;
 * *soerr is 0 once connected within wait_ms. */
static int recheck_connect(const struct sockaddr_in* a, int mss, int wait_ms, int* soerr)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	struct pollfd pf = { .fd = fd, .events = POLLOUT };
	socklen_t len = sizeof(*soerr);

	*soerr = 0;
	if (fd < 0)
	{
		*soerr = errno;
		return -1;
	}
	if (mss > 0)
		setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &mss, sizeof(mss));
	if (connect(fd, (const struct sockaddr*)a, sizeof(*a)) != 0 && errno != EINPROGRESS)
		*soerr = errno;
	else if (poll(&pf, 1, wait_ms) <= 0)
		*soerr = ETIMEDOUT;
	else
		getsockopt(fd, SOL_SOCKET, SO_ERROR, soerr, &len);
	return fd;
}

/* Sends an X.224 Connection Request (TPKT, RFC 1006 + X.224 CR: LI 14, CR code, refs 0,
 * class 0 + RDP_NEG_REQ asking for TLS|CredSSP) and reads the answer: its length, 0 when the
 * server closed, -2 when nothing came within wait_ms. */
static ssize_t recheck_x224(int fd, unsigned char* buf, size_t size, int wait_ms)
{
	static const unsigned char x224_cr[19] = { 0x03, 0x00, 0x00, 0x13, 0x0e, 0xe0, 0x00,
		                                       0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08,
		                                       0x00, 0x03, 0x00, 0x00, 0x00 };
	struct pollfd pf = { .fd = fd, .events = POLLIN };

	if (send(fd, x224_cr, sizeof(x224_cr), MSG_NOSIGNAL) != (ssize_t)sizeof(x224_cr) ||
	    poll(&pf, 1, wait_ms) <= 0)
		return -2;
	return recv(fd, buf, size, 0);
}

/* A Connection Confirm (TPKT version 3, CC code) whose RDP_NEG_RSP (type 2, after the 11-byte
 * header; selectedProtocol in its last 4 bytes) chose TLS (1) or CredSSP (2): both start with
 * a TLS handshake. */
static bool x224_chose_tls(const unsigned char* buf, ssize_t n)
{
	return n >= 19 && buf[0] == 0x03 && (buf[5] & 0xf0) == 0xd0 && buf[11] == 0x02 &&
	       (buf[15] == 0x01 || buf[15] == 0x02);
}

/* The MSS of the third connection: the IPv4 minimum (RFC 879), small enough for any VPN. */
#define RECHECK_SMALL_MSS 536

/* The bandwidth stage (see struct rp_bw_probe): a train of RP_BW_TRAIN echo requests of
 * RP_BW_SIZE bytes, sent back to back to the server's address on a raw ICMP socket, and the
 * time each reply comes back, until all have or wait_ms. */
#define RP_BW_TRAIN 8
#define RP_BW_SIZE 576 /* IP bytes: 20 of header, 8 of ICMP, 548 of payload */
#define RP_BW_MAX_MS 8000

static uint16_t icmp_checksum(const unsigned char* b, size_t n)
{
	uint32_t sum = 0;
	for (size_t i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	if (n & 1)
		sum += (uint32_t)(b[n - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Whether the n bytes read from a raw ICMP socket (IP header included) are an echo reply
 * (type 0) from `from` with our `id`; its sequence's low byte in *seq. */
static bool echo_reply(const unsigned char* in, ssize_t n, const struct in_addr* from, uint16_t id,
                       int* seq)
{
	size_t ihl;
	if (n < 20 || (ihl = (size_t)(in[0] & 0x0f) * 4) + 8 > (size_t)n ||
	    memcmp(in + 12, from, 4) != 0 || in[ihl] != 0 || (in[ihl + 4] << 8 | in[ihl + 5]) != id)
		return false;
	*seq = in[ihl + 7];
	return true;
}

/* Does a stage of `need` ms end before end_ms? If not, say which and how much was left (the
 * first stage that did not fit; later ones are skipped as well). */
static bool fits(struct rp_recheck* rc, const char* stage, double need, double end_ms)
{
	double left = end_ms - rp_now_ms();
	if (left >= need)
		return true;
	if (!rc->not_run[0])
		snprintf(rc->not_run, sizeof(rc->not_run), "%s not run: %.1f s left of the probe's budget, "
		         "it waits %.1f s", stage, left > 0 ? left / 1000.0 : 0.0, need / 1000.0);
	return false;
}

/* When a reply arrived, in ms since t0_rt (CLOCK_REALTIME, as SO_TIMESTAMPNS stamps it): the
 * kernel's receive time, not when the probe got round to reading it. A probe that shares its
 * CPU (parallel labs, an emulated guest) wakes late at times; a late wake lengthens one interval
 * and shortens the next, which the train would read as jitter (measured under TCG with four
 * labs on two vCPUs). Without a stamp, the time of the read. */
static double reply_time(struct msghdr* m, const struct timespec* t0_rt, double t0)
{
	for (struct cmsghdr* c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS &&
		    c->cmsg_len >= CMSG_LEN(sizeof(struct timespec)))
		{
			struct timespec ts;
			memcpy(&ts, CMSG_DATA(c), sizeof(ts));
			return (double)(ts.tv_sec - t0_rt->tv_sec) * 1000.0 +
			       (double)(ts.tv_nsec - t0_rt->tv_nsec) / 1e6;
		}
	return rp_now_ms() - t0;
}

/* The echo train: until first_ms for the first reply, then followed while replies keep coming,
 * up to RP_BW_MAX_MS or end_ms, whichever is sooner. */
static void recheck_bandwidth(const struct sockaddr_in* server, int first_ms, double end_ms,
                              struct rp_bw_probe* bw)
{
	unsigned char pkt[RP_BW_SIZE - 20] = { 0 };
	unsigned char in[2048];
	uint16_t id = (uint16_t)getpid();
	struct sockaddr_in a = *server;
	int fd = rp_raw_socket(IPPROTO_ICMP);
	int off = IP_PMTUDISC_DONT, on = 1;
	struct timespec t0_rt;
	double t0, end;

	bw->run = true;
	bw->size = RP_BW_SIZE;
	if (fd < 0)
	{
		bw->sock_errno = errno;
		return;
	}
	a.sin_port = 0;
	setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &off, sizeof(off));
	setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof(on));
	clock_gettime(CLOCK_REALTIME, &t0_rt);
	t0 = rp_now_ms();
	end = t0 + first_ms;
	for (int k = 0; k < RP_BW_TRAIN; k++)
	{
		uint16_t c;
		pkt[0] = 8; /* echo request (RFC 792) */
		pkt[1] = 0;
		pkt[2] = pkt[3] = 0;
		pkt[4] = (unsigned char)(id >> 8);
		pkt[5] = (unsigned char)id;
		pkt[6] = 0;
		pkt[7] = (unsigned char)k;
		c = icmp_checksum(pkt, sizeof(pkt));
		pkt[2] = (unsigned char)(c >> 8);
		pkt[3] = (unsigned char)c;
		if (sendto(fd, pkt, sizeof(pkt), 0, (const struct sockaddr*)&a, sizeof(a)) ==
		    (ssize_t)sizeof(pkt))
			bw->n_sent++;
	}
	while (bw->n < bw->n_sent && bw->n < RP_BW_SAMPLES)
	{
		struct pollfd pf = { .fd = fd, .events = POLLIN };
		union {
			char buf[CMSG_SPACE(sizeof(struct timespec)) * 2];
			struct cmsghdr align;
		} ctl;
		struct iovec iov = { .iov_base = in, .iov_len = sizeof(in) };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
			                .msg_controllen = sizeof(ctl.buf) };
		/* Once replies come, the rest are lost if none comes for 800 ms: a pace slower
		 * than 576 bytes in 800 ms (under 6 kbit/s) is not measured, and a lossy fast link
		 * is not waited on for the whole of first_ms. While they keep coming, the train is
		 * followed past first_ms (an 8 kbit/s link spaces them 576 ms apart: 8 take about
		 * 6 s), up to RP_BW_MAX_MS. */
		double until = bw->n ? bw->t_ms[bw->n - 1] + t0 + 800 : end;
		if (until > t0 + RP_BW_MAX_MS)
			until = t0 + RP_BW_MAX_MS;
		if (until > end_ms)
			until = end_ms;
		double left = until - rp_now_ms();
		int seq;
		if (left <= 0 || poll(&pf, 1, (int)left + 1) <= 0)
			break;
		/* A raw ICMP socket gets every ICMP message with its IP header: ours are echo
		 * replies (type 0) from the server with our id. */
		if (!echo_reply(in, recvmsg(fd, &m, MSG_DONTWAIT), &a.sin_addr, id, &seq))
			continue;
		bw->seq[bw->n] = seq;
		bw->t_ms[bw->n++] = reply_time(&m, &t0_rt, t0);
	}
	close(fd);
}

/* The active probe after a failure. A second, plain connection to the same port: does the
 * SYN get an answer, does the server answer an X.224 Connection Request, and does its TLS
 * flight arrive (wait_ms each)? When that flight does not arrive, a third connection that
 * asks for segments of 536 bytes tells a path that loses large packets (the handshake then
 * completes) from a server that stalls in TLS (it does not). When the flight did arrive, the
 * bandwidth stage paces the link (a fast one answers it in a millisecond). */
void rp_recheck_run(struct rp_recheck* rc, const char* host, long port, int wait_ms,
                    int x224_wait_ms, double end_ms)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	double t0 = rp_now_ms();
	unsigned char buf[64];
	ssize_t n;
	int soerr;
	int fd;

	if (inet_pton(AF_INET, host, &a.sin_addr) != 1 || !fits(rc, "the recheck", wait_ms, end_ms))
		return;
	fd = recheck_connect(&a, 0, wait_ms, &soerr);
	rc->tcp_ms = rp_now_ms() - t0;
	rc->tcp = soerr == 0 ? RP_RECHECK_CONNECTED
	          : soerr == ECONNREFUSED ? RP_RECHECK_REFUSED
	                                  : RP_RECHECK_NO_ANSWER;
	if (rc->tcp == RP_RECHECK_CONNECTED &&
	    fits(rc, "the recheck's X.224 stage", 300 + x224_wait_ms, end_ms))
	{
		struct pollfd idle = { .fd = fd, .events = POLLIN | POLLRDHUP };
		t0 = rp_now_ms();
		/* First say nothing for 300 ms: a server shedding connections hangs up at once,
		 * while a middlebox that resets the RDP start waits for the request. */
		if (poll(&idle, 1, 300) > 0 && recv(fd, buf, sizeof(buf), MSG_DONTWAIT) <= 0)
		{
			rc->x224 = RP_X224_CLOSED_AT_ONCE;
			rc->x224_ms = rp_now_ms() - t0;
			close(fd);
			return;
		}
		n = recheck_x224(fd, buf, sizeof(buf), x224_wait_ms);
		rc->x224_ms = rp_now_ms() - t0;
		{
			/* Was the request itself acknowledged? A silent service's kernel ACKs it; a
			 * path that lost it leaves it outstanding and retransmitted. */
			struct tcp_info ti;
			socklen_t tl = sizeof(ti);
			memset(&ti, 0, sizeof(ti));
			if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &tl) == 0)
			{
				rc->x224_info = true;
				rc->x224_unacked = ti.tcpi_unacked;
				rc->x224_retrans = ti.tcpi_total_retrans;
			}
		}
		rc->x224 = n >= 6 && buf[0] == 0x03 && (buf[5] & 0xf0) == 0xd0 ? RP_X224_ANSWERED
		           : n == -2                                            ? RP_X224_SILENT
		                                                                : RP_X224_CLOSED;
		if (x224_chose_tls(buf, n) && fits(rc, "the recheck's TLS stage", wait_ms, end_ms))
			recheck_tls(fd, wait_ms, (uint64_t)n, &rc->tls, &rc->tls_ms, &rc->tls_bytes_in);
	}
	if (fd >= 0)
		close(fd);
	/* The path carried the TLS flight: it works, and its echo replies come unless ICMP is
	 * filtered. On a narrow link the first reply waits for its request's and its own
	 * serialization (1.2 s at 8 kbit/s) behind whatever both directions still hold (the
	 * stalled connection's retransmissions, this one's close): 2 s was too short for 16 kbit/s
	 * under load (0 replies, measured: four labs on a guest's two vCPUs). It is waited on as
	 * long as the train is followed. */
	if (rc->tls == RP_RECHECK_TLS_DONE && fits(rc, "the echo train", wait_ms, end_ms))
		recheck_bandwidth(&a, RP_BW_MAX_MS, end_ms, &rc->bw);
	if (rc->tls != RP_RECHECK_TLS_SILENT ||
	    !fits(rc, "the 536-byte TLS stage", 2.0 * wait_ms + x224_wait_ms, end_ms))
		return;
	fd = recheck_connect(&a, RECHECK_SMALL_MSS, wait_ms, &soerr);
	if (soerr == 0 && x224_chose_tls(buf, n = recheck_x224(fd, buf, sizeof(buf), x224_wait_ms)))
	{
		uint64_t bytes;
		recheck_tls(fd, wait_ms, (uint64_t)n, &rc->tls_small_mss, &rc->tls_small_mss_ms, &bytes);
	}
	if (fd >= 0)
		close(fd);
}


void rp_recheck_ping(struct rp_recheck* rc, const char* host, int wait_ms, double end_ms)
{
	struct sockaddr_in a = { .sin_family = AF_INET };

	if (inet_pton(AF_INET, host, &a.sin_addr) != 1 || !fits(rc, "the ping", wait_ms, end_ms))
		return;
	recheck_bandwidth(&a, wait_ms, end_ms, &rc->ping);
}

/* Echo requests with DF set (IP_PMTUDISC_PROBE: the kernel neither fragments them nor
 * lowers them to a path MTU it learnt), eight at `big` bytes and eight at 576, each answered
 * or not within wait_ms. */
void rp_recheck_sizes(struct rp_recheck* rc, const char* host, int big, int wait_ms,
                      double end_ms)
{
	struct rp_size_probe* z = &rc->sizes;
	struct sockaddr_in a = { .sin_family = AF_INET };
	uint16_t id = (uint16_t)(getpid() ^ 0x5a5a);
	int probe = IP_PMTUDISC_PROBE;
	int fd;
	double end;
	unsigned char pkt[65536 - 20];
	unsigned char in[2048];

	if (!fits(rc, "the size probe", wait_ms, end_ms))
		return;
	z->run = true;
	z->big = big < 576 ? 576 : (big > 9000 ? 9000 : big);
	if (inet_pton(AF_INET, host, &a.sin_addr) != 1)
		return;
	fd = rp_raw_socket(IPPROTO_ICMP);
	if (fd < 0)
	{
		z->sock_errno = errno;
		return;
	}
	setsockopt(fd, IPPROTO_IP, IP_MTU_DISCOVER, &probe, sizeof(probe));
	for (int k = 0; k < 16; k++)
	{
		size_t len = (size_t)((k < 8 ? z->big : 576) - 20);
		uint16_t c;
		memset(pkt, 0, len);
		pkt[0] = 8; /* echo request (RFC 792) */
		pkt[4] = (unsigned char)(id >> 8);
		pkt[5] = (unsigned char)id;
		pkt[7] = (unsigned char)k;
		c = icmp_checksum(pkt, len);
		pkt[2] = (unsigned char)(c >> 8);
		pkt[3] = (unsigned char)c;
		if (sendto(fd, pkt, len, 0, (const struct sockaddr*)&a, sizeof(a)) == (ssize_t)len)
			(k < 8 ? z->big_sent++ : z->small_sent++);
	}
	end = rp_now_ms() + wait_ms;
	while (z->big_answered + z->small_answered < z->big_sent + z->small_sent)
	{
		struct pollfd pf = { .fd = fd, .events = POLLIN };
		double left = end - rp_now_ms();
		int seq;
		if (left <= 0 || poll(&pf, 1, (int)left + 1) <= 0)
			break;
		if (!echo_reply(in, recv(fd, in, sizeof(in), MSG_DONTWAIT), &a.sin_addr, id, &seq))
			continue;
		(seq < 8 ? z->big_answered++ : z->small_answered++);
	}
	close(fd);
}
