/* creds.c: test certificate and key with OpenSSL, the SAM file with WinPR's NT hash. */
#include "creds.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <winpr/ntlm.h>
#include <winpr/ssl.h>

/* Opens a new file with private permissions; refuses to follow or reuse an existing one. */
static FILE* open_private(const char* path, struct rp_err* err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	FILE* f;

	if (fd < 0)
	{
		rp_fail(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	f = fdopen(fd, "w");
	if (!f)
	{
		close(fd);
		rp_fail(err, "%s: %s", path, strerror(errno));
	}
	return f;
}

static bool close_file(FILE* f, const char* path, struct rp_err* err)
{
	if (fclose(f) != 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	return true;
}

/* The host a wrong-name certificate is made out to. */
#define WRONG_NAME "another-server.lab"
#define WRONG_IP "198.18.1.99"

/* The suite's server key (rp_creds_suite_key), or NULL: then each certificate gets its own. */
static EVP_PKEY* suite_key;

bool rp_creds_suite_key(struct rp_err* err)
{
	if (!suite_key && !(suite_key = EVP_RSA_gen(2048)))
		return rp_fail(err, "OpenSSL: cannot make an RSA key");
	return true;
}

/* A certificate for cn/ip, signed with the suite's key when there is one (own_key false), else
 * with a key made for it (an RSA 2048 key takes 50-150 ms to make: most of a lab's start). */
static bool make_cert(struct rp_creds* c, enum rp_cert_kind kind, const char* cn, const char* ip,
                      bool own_key, struct rp_err* err)
{
	EVP_PKEY* pkey = NULL;
	X509* x = X509_new();
	X509V3_CTX v3;
	X509_EXTENSION* ext = NULL;
	char san[256];
	uint64_t serial = 0;
	bool ok = false;
	FILE* f;

	if (!own_key && suite_key && EVP_PKEY_up_ref(suite_key))
		pkey = suite_key;
	else
		pkey = EVP_RSA_gen(2048);
	if (!pkey || !x)
	{
		rp_fail(err, "OpenSSL: cannot make an RSA key or a certificate");
		goto out;
	}
	if (getrandom(&serial, sizeof(serial), 0) != sizeof(serial))
		serial = (uint64_t)getpid();
	serial &= 0x7fffffffffffffffULL;
	X509_set_version(x, 2);
	ASN1_INTEGER_set_uint64(X509_get_serialNumber(x), serial);
	/* Valid from an hour ago (clock skew) for a day: a run never outlives it. Expired: valid
	 * for a day that ended yesterday. */
	X509_gmtime_adj(X509_getm_notBefore(x), kind == RP_CERT_EXPIRED ? -2 * 86400 : -3600);
	X509_gmtime_adj(X509_getm_notAfter(x), kind == RP_CERT_EXPIRED ? -86400 : 86400);
	if (kind == RP_CERT_WRONG_NAME)
	{
		cn = WRONG_NAME;
		ip = WRONG_IP;
	}
	X509_set_pubkey(x, pkey);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
	                           (const unsigned char*)cn, -1, -1, 0);
	X509_set_issuer_name(x, X509_get_subject_name(x));
	X509V3_set_ctx(&v3, x, x, NULL, NULL, 0);
	snprintf(san, sizeof(san), "DNS:%s,IP:%s", cn, ip);
	ext = X509V3_EXT_conf_nid(NULL, &v3, NID_subject_alt_name, san);
	if (!ext || !X509_add_ext(x, ext, -1) || !X509_sign(x, pkey, EVP_sha256()))
	{
		rp_fail(err, "OpenSSL: cannot sign the test certificate");
		goto out;
	}
	if (!(f = open_private(c->key, err)))
		goto out;
	if (!PEM_write_PrivateKey(f, pkey, NULL, NULL, 0, NULL, NULL))
	{
		fclose(f);
		rp_fail(err, "%s: cannot write the key", c->key);
		goto out;
	}
	if (!close_file(f, c->key, err))
		goto out;
	if (!(f = open_private(c->cert, err)))
		goto out;
	if (!PEM_write_X509(f, x))
	{
		fclose(f);
		rp_fail(err, "%s: cannot write the certificate", c->cert);
		goto out;
	}
	ok = close_file(f, c->cert, err);
out:
	X509_EXTENSION_free(ext);
	X509_free(x);
	EVP_PKEY_free(pkey);
	return ok;
}

static bool make_password(struct rp_creds* c, struct rp_err* err)
{
	unsigned char raw[12];
	FILE* f;

	if (getrandom(raw, sizeof(raw), 0) != sizeof(raw))
		return rp_fail(err, "getrandom: %s", strerror(errno));
	/* Mixed classes, in case a policy ever checks complexity. */
	snprintf(c->password, sizeof(c->password), "Rp-");
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(c->password + strlen(c->password), 3, "%02x", raw[i]);
	if (!(f = open_private(c->password_file, err)))
		return false;
	fprintf(f, "%s\n", c->password);
	return close_file(f, c->password_file, err);
}

static bool make_sam(struct rp_creds* c, struct rp_err* err)
{
	BYTE nt[16];
	FILE* f;

	/* The NT hash is MD4, which OpenSSL 3 keeps in its legacy provider: WinPR loads it. */
	if (!winpr_InitializeSSL(WINPR_SSL_INIT_DEFAULT))
		return rp_fail(err, "WinPR: cannot initialize OpenSSL");
	/* SAM line as winpr-hash3 -f sam writes it: user:domain:lmhash:nthash::: (no LM). */
	if (!NTOWFv1A(c->password, (UINT32)strlen(c->password), nt))
		return rp_fail(err, "WinPR: NTOWFv1A failed");
	if (!(f = open_private(c->sam, err)))
		return false;
	fprintf(f, "%s:::", c->user);
	for (size_t i = 0; i < sizeof(nt); i++)
		fprintf(f, "%02x", nt[i]);
	fprintf(f, ":::\n");
	return close_file(f, c->sam, err);
}

bool rp_creds_make(struct rp_creds* c, enum rp_cert_kind kind, const char* dir, const char* cn,
                   const char* ip, struct rp_err* err)
{
	memset(c, 0, sizeof(*c));
	rp_strlcpy(c->user, "rdpp", sizeof(c->user));
	snprintf(c->cert, sizeof(c->cert), "%s/server.crt", dir);
	snprintf(c->key, sizeof(c->key), "%s/server.key", dir);
	snprintf(c->sam, sizeof(c->sam), "%s/sam", dir);
	snprintf(c->password_file, sizeof(c->password_file), "%s/password", dir);
	return make_cert(c, kind, cn, ip, false, err) && make_password(c, err) && make_sam(c, err);
}

bool rp_creds_wrong_password(struct rp_creds* c, const char* dir, struct rp_err* err)
{
	FILE* f;

	snprintf(c->password_file, sizeof(c->password_file), "%s/wrong-password", dir);
	if (!(f = open_private(c->password_file, err)))
		return false;
	fprintf(f, "%s-wrong\n", c->password);
	return close_file(f, c->password_file, err);
}

bool rp_creds_other_cert(const char* dir, const char* cn, const char* ip, char* path, size_t n,
                         struct rp_err* err)
{
	struct rp_creds other;

	memset(&other, 0, sizeof(other));
	snprintf(other.cert, sizeof(other.cert), "%s/other.crt", dir);
	snprintf(other.key, sizeof(other.key), "%s/other.key", dir);
	rp_strlcpy(path, other.cert, n);
	/* Its own key: the certificate the client knew must not be the server's. */
	return make_cert(&other, RP_CERT_GOOD, cn, ip, true, err);
}
