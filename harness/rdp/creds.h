/* creds.h: per-run test secrets: an RSA key and self-signed certificate for the server's
 * TLS, a user with a random password, and the SAM file (NT hash) FreeRDP's server checks
 * NLA against. All files are created 0600 inside the run's private (0700) directory and
 * removed with it. */
#ifndef RDPREPRO_CREDS_H
#define RDPREPRO_CREDS_H

#include <stdbool.h>

#include "util.h"

struct rp_creds
{
	char user[32];
	char password[40];
	char cert[4096];
	char key[4096];
	char sam[4096];
	char password_file[4096];
};

/* Makes every secret in `dir`; `cn` is the certificate's subject CN and SAN DNS name,
 * `ip` its SAN IP address. */
/* What the server's certificate is like: a good one, one that expired yesterday, or one made
 * out to another host (its name and address do not match the server's). */
enum rp_cert_kind
{
	RP_CERT_GOOD = 0,
	RP_CERT_EXPIRED,
	RP_CERT_WRONG_NAME,
};

/* Makes the server key that every rp_creds_make after it (in this process and the workers it
 * forks) signs its certificate with, instead of one key per run: one suite, one key. The key
 * stays in memory; each run writes it 0600 into its own directory. The other certificate of
 * rp_creds_other_cert always has a key of its own. */
bool rp_creds_suite_key(struct rp_err* err);

bool rp_creds_make(struct rp_creds* c, enum rp_cert_kind kind, const char* dir, const char* cn,
                   const char* ip,
                   struct rp_err* err);

/* Another certificate and key (other.crt/other.key): what the client knew before the
 * server's certificate was replaced. Its path goes to `path`. */
bool rp_creds_other_cert(const char* dir, const char* cn, const char* ip, char* path, size_t n,
                         struct rp_err* err);

/* Replaces the client's password file with a wrong password (the SAM keeps the right one). */
bool rp_creds_wrong_password(struct rp_creds* c, const char* dir, struct rp_err* err);

#endif
