/* fieldlog_dialog.c: the Windows client's dialog (mstsc's Remote Desktop Connection, the
 * Windows App and the Microsoft Remote Desktop apps) as users paste it: Ctrl+C on the dialog
 * copies "[Window Title] ... [Content] ... [Expanded Information] Error code: 0x904 / Extended
 * error code: 0x7" with the labels in the user's language. The codes are the same in every
 * language: the error code is the client's disconnect reason (IMsTscAxEvents::OnDisconnected,
 * learn.microsoft.com/windows/win32/termserv/imstscaxevents-ondisconnected), the extended one
 * the server's errorInfo (ExtendedDisconnectReasonCode, .../termserv/extendeddisconnectreasoncode,
 * which is MS-RDPBCGR 2.2.5.1.1's numbering). So the codes are read by their place (a hex
 * number after a colon, full-width too), whatever the words around them; the few English
 * sentences read besides come from Microsoft's support articles (docs/field-reports.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"
#include "fieldlog_mstsc_texts.h"

#define C(x) RP_CAUSE_##x
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The disconnect reasons that are a logon's answer (SSL_ERR_*, [OND]), as the FreeRDP last
 * error that says the same; 0x1B07, an expired certificate, is the record's cert_rejected. */
static const struct
{
	unsigned reason;
	const char* name;
	const char* errconnect;
} ssl_errors[] = {
	{ 0x807, "SSL_ERR_LOGON_FAILURE", "ERRCONNECT_LOGON_FAILURE" },
	{ 0xA07, "SSL_ERR_NO_SUCH_USER", "ERRCONNECT_LOGON_FAILURE" },
	{ 0xB07, "SSL_ERR_ACCOUNT_DISABLED", "ERRCONNECT_ACCOUNT_DISABLED" },
	{ 0xC07, "SSL_ERR_ACCOUNT_RESTRICTION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ 0xD07, "SSL_ERR_ACCOUNT_LOCKED_OUT", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ 0xE07, "SSL_ERR_ACCOUNT_EXPIRED", "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ 0xF07, "SSL_ERR_PASSWORD_EXPIRED", "ERRCONNECT_PASSWORD_EXPIRED" },
	{ 0x1207, "SSL_ERR_PASSWORD_MUST_CHANGE", "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ 0x1C07, "SSL_ERR_SMARTCARD_WRONG_PIN", "ERRCONNECT_LOGON_FAILURE" },
	{ 0x2207, "SSL_ERR_SMARTCARD_CARD_BLOCKED", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
};

/* The dialog's sentences that say more than its codes, in English (Microsoft's support
 * articles: "Remote Desktop can't connect to the remote computer" (SupportArticles-docs
 * remote-desktop-cannot-connect-remote-computer.md), "Troubleshoot specific RDP error messages"
 * (azure-docs troubleshoot-specific-rdp-errors.md), KB2477176, cannot-authenticate-or-must-
 * authenticate-twice.md, remote-desktop-service-currently-busy.md, clients/remote-desktop-
 * android.md) and in the languages those articles are published in (their localized copies:
 * zh-CN, zh-TW, ja, ko, de, fr, es, it, ru, pt-BR), each by a part of it that the translation
 * keeps; and "CredSSP", which no translation changes. A localized article quotes the dialog as
 * its translator wrote it, not always as Windows shows it: a part is matched, not the whole. */
enum said_kind
{
	S_CAUSES,
	S_LOGON_FAILED,
	S_DNS,
	S_LICENSE,
	S_CREDSSP,
	S_LOGON_TYPE,
	S_PASSWORD_EXPIRED,
};

#define MAX_WORDS 16

static const struct
{
	const char* words[MAX_WORDS]; /* any one of them */
	enum said_kind kind;
	const char* says;
	enum rp_cause causes[4];
	int n;
} sentences[] = {
	{ { "for one of these reasons", "aus einem der folgenden Gr\u00fcnde",
	    "pour l\u2019une des raisons suivantes", "pour l'une des raisons suivantes",
	    "por una de estas razones", "per uno di questi motivi", "por um dos seguintes motivos",
	    "\u043f\u043e \u043e\u0434\u043d\u043e\u0439 \u0438\u0437 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0445 \u043f\u0440\u0438\u0447\u0438\u043d",
	    "\ub2e4\uc74c \uc774\uc720 \uc911 \ud558\ub098\ub85c \uc778\ud574",
	    "\u7531\u4e8e\u4ee5\u4e0b\u539f\u56e0\u4e4b\u4e00",
	    "\u56e0\u70ba\u4e0b\u5217\u5176\u4e2d\u4e00\u500b\u539f\u56e0",
	    "\u6b21\u306e\u3044\u305a\u308c\u304b\u306e\u7406\u7531" },
	  S_CAUSES,
	  "the dialog's \"can't connect ... for one of these reasons\": remote access not enabled, "
	  "the computer off, or not on the network (no TCP connection was made)",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP) }, 3 },
	{ { "Your credentials did not work", "credentials did not work",
	    "\u8cc7\u683c\u60c5\u5831\u304c\u6b63\u3057\u304f\u3042\u308a\u307e\u305b\u3093",
	    "\u8cc7\u683c\u60c5\u5831\u306f\u6a5f\u80fd\u3057\u307e\u305b\u3093\u3067\u3057\u305f",
	    "\u51ed\u636e\u65e0\u6548", "\u51ed\u636e\u4e0d\u8d77\u4f5c\u7528",
	    "\u8a8d\u8b49\u7121\u6cd5\u904b\u4f5c", "\u6191\u64da\u4e0d\u8d77\u4f5c\u7528",
	    "\uc790\uaca9 \uc99d\uba85\uc774 \uc791\ub3d9\ud558\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4",
	    "Mit den Anmeldeinformationen konnte keine Verbindung hergestellt werden",
	    "informations d\u2019identification n\u2019ont pas fonctionn\u00e9",
	    "informations d'identification n'ont pas fonctionn\u00e9",
	    "credenciales no han funcionado", "credenziali specificate non funzionano",
	    "\u0443\u0447\u0435\u0442\u043d\u044b\u0435 \u0434\u0430\u043d\u043d\u044b\u0435 \u043d\u0435 \u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0442",
	    "credenciais n\u00e3o funcionaram" },
	  S_LOGON_FAILED, "the credentials did not work", { 0 }, 0 },
	{ { "can't find the computer", "\u8fdc\u7a0b\u684c\u9762\u627e\u4e0d\u5230\u8ba1\u7b97\u673a",
	    "\u9060\u7aef\u684c\u9762\u627e\u4e0d\u5230\u96fb\u8166",
	    "\uc6d0\uaca9 \ub370\uc2a4\ud06c\ud1b1\uc5d0\uc11c \ucef4\ud4e8\ud130",
	    "Remotedesktop kann den Computer", "Le bureau \u00e0 distance ne trouve pas",
	    "Escritorio remoto no puede encontrar el equipo", "Escritorio remoto no encuentra el equipo",
	    "Desktop remoto: impossibile rilevare",
	    "\u043d\u0435 \u0443\u0434\u0430\u0435\u0442\u0441\u044f \u043d\u0430\u0439\u0442\u0438 \u0438\u043c\u044f \u043a\u043e\u043c\u043f\u044c\u044e\u0442\u0435\u0440\u0430",
	    "Trabalho Remota n\u00e3o consegue localizar" },
	  S_DNS, "the client could not find the computer by its name", { 0 }, 0 },
	{ { "no Remote Desktop License Servers available",
	    "no Remote Desktop client access licenses available",
	    "\u30ea\u30e2\u30fc\u30c8 \u30c7\u30b9\u30af\u30c8\u30c3\u30d7 \u30e9\u30a4\u30bb\u30f3\u30b9 \u30b5\u30fc\u30d0\u30fc\u304c\u306a\u3044",
	    "\u8fdc\u7a0b\u684c\u9762\u8bb8\u53ef\u8bc1\u670d\u52a1\u5668",
	    "\u8fdc\u7a0b\u684c\u9762\u5ba2\u6237\u7aef\u8bbf\u95ee\u8bb8\u53ef\u8bc1",
	    "\u9060\u7aef\u684c\u9762\u6388\u6b0a\u4f3a\u670d\u5668",
	    "\uc6d0\uaca9 \ub370\uc2a4\ud06c\ud1b1 \ub77c\uc774\uc120\uc2a4 \uc11c\ubc84",
	    "Lizenzserver f\u00fcr Remotedesktop", "Remotedesktop-Lizenzserver",
	    "Remotedesktop-Clientzugriffslizenzen", "serveur de licences Bureau \u00e0 distance",
	    "licencias de Escritorio remoto", "server licenze di Desktop remoto",
	    "\u0441\u0435\u0440\u0432\u0435\u0440\u044b \u043b\u0438\u0446\u0435\u043d\u0437\u0438\u0440\u043e\u0432\u0430\u043d\u0438\u044f \u0443\u0434\u0430\u043b\u0435\u043d\u043d\u044b\u0445 \u0440\u0430\u0431\u043e\u0447\u0438\u0445 \u0441\u0442\u043e\u043b\u043e\u0432",
	    "Licen\u00e7a da \u00c1rea de Trabalho Remota" },
	  S_LICENSE, "no Remote Desktop license server was available", { 0 }, 0 },
	{ { "Because of a security error", "Sicherheitsfehlers", "en raison d\u2019une erreur de s\u00e9curit\u00e9",
	    "en raison d'une erreur de s\u00e9curit\u00e9", "ebido a un error de seguridad",
	    "a causa di un errore di sicurezza", "por causa de um erro de seguran\u00e7a",
	    "evido a um erro de seguran\u00e7a",
	    "\u0437-\u0437\u0430 \u043e\u0448\u0438\u0431\u043a\u0438 \u0441\u0438\u0441\u0442\u0435\u043c\u044b \u0431\u0435\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442\u0438",
	    "\u0437-\u0437\u0430 \u043e\u0448\u0438\u0431\u043a\u0438 \u0431\u0435\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442\u0438",
	    "\ubcf4\uc548 \uc624\ub958\ub85c \uc778\ud574", "\u7531\u4e8e\u51fa\u73b0\u5b89\u5168\u9519\u8bef",
	    "\u7531\u65bc\u5b89\u5168\u6027\u932f\u8aa4" },
	  S_CAUSES,
	  "\"because of a security error\": the security layer or the licensing certificate",
	  { C(SECURITY_MISMATCH), C(LICENSING_FAILURE) }, 2 },
	{ { "Local Security Authority cannot be contacted",
	    "\u30ed\u30fc\u30ab\u30eb \u30bb\u30ad\u30e5\u30ea\u30c6\u30a3\u6a5f\u95a2\u306b\u30a2\u30af\u30bb\u30b9\u3067\u304d\u307e\u305b\u3093",
	    "\u65e0\u6cd5\u8054\u7cfb\u672c\u5730\u5b89\u5168\u673a\u6784",
	    "\u7121\u6cd5\u9023\u7d61\u672c\u6a5f\u5b89\u5168\u6027\u6388\u6b0a",
	    "\ub85c\uceec \ubcf4\uc548 \uae30\uad00\uc5d0 \uc5f0\uacb0\ud560 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4",
	    "lokale Sicherheitsautorit\u00e4t (LSA) ist nicht erreichbar",
	    "autorit\u00e9 de s\u00e9curit\u00e9 locale ne peut pas \u00eatre contact\u00e9e",
	    "autoridad de seguridad Local", "contattare l'autorit\u00e0 di sicurezza locale",
	    "\u0441\u0432\u044f\u0437\u0430\u0442\u044c\u0441\u044f \u0441 \u043b\u043e\u043a\u0430\u043b\u044c\u043d\u044b\u043c \u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442\u0440\u0430\u0442\u043e\u0440\u043e\u043c \u0431\u0435\u0437\u043e\u043f\u0430\u0441\u043d\u043e\u0441\u0442\u0438",
	    "Autoridade de Seguran\u00e7a Local n\u00e3o pode ser contatada" },
	  S_CAUSES,
	  "the Local Security Authority could not be contacted (NLA could not check the "
	  "credentials)",
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH) }, 2 },
	/* 0x1307: NLA on, and the user may not log on over the network or is not in Remote
	 * Desktop Users (cannot-authenticate-or-must-authenticate-twice.md) */
	{ { "restricted the type", "den zul\u00e4ssigen Anmeldetyp",
	    "a restreint le type de connexion", "ha restringido el tipo de inicio de sesi\u00f3n",
	    "ha limitato il tipo di accesso", "restringiu o tipo de logon",
	    "\u043e\u0433\u0440\u0430\u043d\u0438\u0447\u0438\u043b \u0442\u0438\u043f\u044b \u0432\u0445\u043e\u0434\u0430",
	    "\ub85c\uadf8\uc628 \uc720\ud615(\ub124\ud2b8\uc6cc\ud06c \ub610\ub294 \ub300\ud654\ud615)",
	    "\u7cfb\u7edf\u7ba1\u7406\u5458\u9650\u5236\u4e86\u53ef\u4ee5\u4f7f\u7528\u7684\u767b\u5f55\u7c7b\u578b",
	    "\u7cfb\u7d71\u7ba1\u7406\u54e1\u5df2\u9650\u5236\u60a8\u53ef\u4ee5\u4f7f\u7528\u7684\u767b\u5165\u985e\u578b" },
	  S_LOGON_TYPE, "the administrator restricted the types of logon the user may use", { 0 }, 0 },
	/* remote-desktop-service-currently-busy.md: the session host's connection limit, its
	 * memory, its listener */
	{ { "Remote Desktop Services is currently busy", "Remotedesktopdienst zurzeit ausgelastet",
	    "service Bureau \u00e0 distance est actuellement occup\u00e9",
	    "Escritorio remoto est\u00e1 ocupado actualmente",
	    "Servizi Desktop remoto \u00e8 attualmente occupato",
	    "Trabalho Remota est\u00e1 ocupado no momento",
	    "\u0441\u043b\u0443\u0436\u0431\u044b \u0443\u0434\u0430\u043b\u0435\u043d\u043d\u044b\u0445 \u0440\u0430\u0431\u043e\u0447\u0438\u0445 \u0441\u0442\u043e\u043b\u043e\u0432 \u0441\u0435\u0439\u0447\u0430\u0441 \u0437\u0430\u043d\u044f\u0442\u044b",
	    "\uc6d0\uaca9 \ub370\uc2a4\ud06c\ud1b1 \uc11c\ube44\uc2a4\uac00 \ud604\uc7ac \uc0ac\uc6a9 \uc911",
	    "\u8fdc\u7a0b\u684c\u9762\u670d\u52a1\u5f53\u524d\u7e41\u5fd9",
	    "\u9060\u7aef\u684c\u9762\u670d\u52d9\u76ee\u524d\u5fd9\u788c\u4e2d" },
	  S_CAUSES, "Remote Desktop Services said it was busy", { C(SERVER_OVERLOADED) }, 1 },
	/* the mobile clients' 0xf07 (clients/remote-desktop-android.md) */
	{ { "password associated with the user account has expired",
	    "dem Benutzerkonto zugeordnete Kennwort abgelaufen",
	    "mot de passe associ\u00e9 au compte d\u2019utilisateur a expir\u00e9",
	    "contrase\u00f1a asociada a la cuenta de usuario ha expirado",
	    "password associata all'account utente \u00e8 scaduta",
	    "senha associada \u00e0 conta de usu\u00e1rio expirou",
	    "\u4e0e\u7528\u6237\u5e10\u6237\u5173\u8054\u7684\u5bc6\u7801\u5df2\u8fc7\u671f",
	    "\u8207\u4f7f\u7528\u8005\u5e33\u6236\u95dc\u806f\u7684\u5bc6\u78bc\u5df2\u904e\u671f" },
	  S_PASSWORD_EXPIRED, "the user's password has expired", { 0 }, 0 },
	/* The Remote Desktop clients for Mac, iOS, Android, the web and the Windows App: 0x3000046
	 * and 0x300004B (the gateway's codes, TechNet's "Disconnect Codes and Reasons") and Azure
	 * Virtual Desktop's wording of them (an AZ-140 lab: a personal host pool with no host for the
	 * user): the broker had no session host to place the user on */
	{ { "There are currently no resources available to connect to",
	    "there are currently no available resources", "We're setting up more resources" },
	  S_CAUSES, "the broker had no session host to place the user on", { C(BROKER_FAILURE) }, 1 },
	/* azure-docs troubleshoot-vm-configuration.md, troubleshoot-azure-ad-connections.md: the
	 * user's right to log on through Remote Desktop, or a Conditional Access policy */
	{ { "connect to the remote PC because of a security error",
	    "Your account is configured to prevent you from using this device" },
	  S_CAUSES, "the remote PC would not let this user log on from here (its logon rights, or an "
	  "access policy)", { C(SERVER_DENIED), C(SECURITY_MISMATCH) }, 2 },
	/* Microsoft's other clients (Windows App, the AVD and web clients, Mac, iOS, Android):
	 * azure-docs articles/virtual-desktop/includes/include-troubleshoot-client-windows-common.md
	 * (2276df6e) L70: the policy "Allow users to connect remotely using Remote Desktop
	 * Services" disabled, or an administrator's end of the session */
	{ { "Your administrator may have ended your session" }, S_CAUSES,
	  "the session was ended or refused on the server's side (its Remote Desktop policy, or an "
	  "administrator)", { C(SERVER_DENIED), C(SERVER_ENDED_SESSION) }, 2 },
	/* SupportArticles-docs include-troubleshoot-azure-ad-joined-connections-windows.md
	 * (3f1af0a9) L19 (a Conditional Access policy), L27 (the Kerberos server object of single
	 * sign-on missing) */
	{ { "The sign-in method you're trying to use isn't allowed",
	    "The sign-in method you\u2019re trying to use isn\u2019t allowed" },
	  S_CAUSES, "an access policy does not allow this sign-in method", { C(SERVER_DENIED) }, 1 },
	{ { "A specified logon session does not exist" }, S_CAUSES,
	  "the logon session the client's authentication needed does not exist (single sign-on's "
	  "Kerberos set-up, or saved credentials)", { C(SECURITY_MISMATCH), C(BAD_CREDENTIALS) }, 2 },
	/* windowsserverdocs remote/remote-desktop-services/clients/remote-desktop-client-faq.md
	 * (00253ec5), "Specific errors": the server's RDP security layer; the RD Gateway's
	 * resource authorization policy; the gateway at its maximum of connections; and the web
	 * client's broker certificate (remote-desktop-web-client-admin.md, 02d7f09c) */
	{ { "Failed to parse NTLM challenge" }, S_CAUSES,
	  "the client could not read the server's NTLM challenge (the server's RDP security layer)",
	  { C(SECURITY_MISMATCH) }, 1 },
	{ { "TS_RAP You are not allowed to connect to the given host" }, S_CAUSES,
	  "the RD Gateway's resource authorization policy (TS_RAP) does not allow this user to this "
	  "computer", { C(SERVER_DENIED) }, 1 },
	{ { "RPC Error 23014", "Error 0x59E6", "error 0x59E6" }, S_CAUSES,
	  "the RD Gateway is at its maximum number of connections (23014, 0x59E6)",
	  { C(SERVER_OVERLOADED) }, 1 },
	{ { "unexpected server authentication certificate was received" }, S_CAUSES,
	  "the client did not trust the certificate it received (the web client: the broker's)",
	  { C(CERTIFICATE_REJECTED) }, 1 },
	{ { "Sign in failed. Please check your username and password",
	    "The user name or password is incorrect" }, S_LOGON_FAILED,
	  "the sign-in failed (the web client's words)", { 0 }, 0 },
	/* the Mac client's wording of 0x204 (the Windows text is "for one of these reasons") */
	{ { "Make sure the PC is turned on and connected to the network" }, S_CAUSES,
	  "the client could not reach the PC: remote access not enabled, the PC off, or not on the "
	  "network (no TCP connection was made)",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP) }, 3 },
	/* SEC_E_UNSUPPORTED_FUNCTION's own text (FormatMessage of 0x80090302), which the dialog
	 * "An authentication error has occurred" prints under it */
	{ { "The function requested is not supported" }, S_CREDSSP,
	  "\"the function requested is not supported\" (SEC_E_UNSUPPORTED_FUNCTION): CredSSP "
	  "could not agree on a version or function", { 0 }, 0 },
	{ { "CredSSP" }, S_CREDSSP,
	  "the dialog names CredSSP (\"encryption oracle remediation\"): the client's and the "
	  "server's CredSSP versions are not allowed to meet",
	  { 0 }, 0 },
};

/* Where the text holds one of a sentence's parts (NULL: none). */
static const char* sentence_in(const char* text, int i)
{
	const char* at;
	for (int k = 0; k < MAX_WORDS && sentences[i].words[k]; k++)
		if ((at = strstr(text, sentences[i].words[k])))
			return at;
	return NULL;
}

/* A hex number right after a colon (ASCII or full-width U+FF1A) and blanks: "0x904". */
static const char* code_after_colon(const char* p, const char* line_start)
{
	const char* q = p;

	while (q > line_start && (q[-1] == ' ' || q[-1] == '\t'))
		q--;
	if (q > line_start && q[-1] == ':')
		return p;
	if (q - line_start >= 3 && (unsigned char)q[-3] == 0xEF && (unsigned char)q[-2] == 0xBC &&
	    (unsigned char)q[-1] == 0x9A)
		return p;
	return NULL;
}

/* The dialog's codes, in order: up to two ("Error code", "Extended error code"). */
static int read_codes(const char* text, unsigned long* codes, int* lines)
{
	int n = 0, no = 1;
	const char* line = text;

	for (const char* p = text; *p && n < 2; p++)
	{
		if (*p == '\n')
		{
			no++;
			line = p + 1;
			continue;
		}
		if ((p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) && code_after_colon(p, line))
		{
			char* end;
			unsigned long v = strtoul(p + 2, &end, 16);
			if (end > p + 2 && end - (p + 2) <= 8)
			{
				codes[n] = v;
				lines[n++] = no;
				p = end - 1;
			}
		}
	}
	return n;
}

static const char* line_of(const char* text, int no, char* buf, size_t n)
{
	const char* p = text;
	size_t k;

	for (int i = 1; i < no && p; i++)
		p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
	if (!p)
		return "";
	k = strcspn(p, "\r\n");
	snprintf(buf, n, "%.*s", (int)(k < n - 1 ? k : n - 1), p);
	return buf;
}

static int count_lines(const char* text)
{
	int n = 0;
	for (const char* p = text; *p; p++)
		n += *p == '\n';
	return n + (text[0] && text[strlen(text) - 1] != '\n');
}

static int line_no_of(const char* text, const char* at)
{
	int no = 1;
	for (const char* p = text; p < at; p++)
		no += *p == '\n';
	return no;
}

void fl_disc_reason(struct rp_fieldlog* log, unsigned long r, int no, const char* line)
{
	if (r == 0 || r > 0xFFFF)
	{
		/* Not a disconnect reason: the newer clients' own codes (0x3000047, ...). */
		fl_add_fact(log, no, line, "the client's error code 0x%lX: no disconnect reason (an RD "
		                           "Gateway's or a newer client's own code)", r);
		return;
	}
	log->windows_reason = (int)r;
	for (int i = 0; i < N(ssl_errors); i++)
		if (ssl_errors[i].reason == r)
		{
			uint32_t e = rp_last_error_from_name(ssl_errors[i].errconnect);
			if (e != UINT32_MAX && !log->ev.last_error)
				fl_set_last_error(log, e);
			fl_reach(log, RP_PHASE_NLA);
			fl_add_fact(log, no, line, "the Windows client's error code 0x%lX, %s: the logon "
			                           "failed; FreeRDP says %s", r, ssl_errors[i].name,
			            ssl_errors[i].errconnect);
			return;
		}
	if (r == 0x1B07) /* SSL_ERR_CERT_EXPIRED */
	{
		log->ev.cert_rejected = true;
		fl_reach(log, RP_PHASE_TLS);
	}
	else if (r == 0x1607 || r == 0x1707) /* SSL_ERR_DELEGATION_POLICY, _POLICY_NTLM_ONLY */
		log->credssp_mismatch = true;
	else if (r == 0x1807) /* SSL_ERR_NO_AUTHENTICATING_AUTHORITY */
		log->no_authority = true;
	fl_add_fact(log, no, line, "the Windows client's error code 0x%lX (%lu), its disconnect "
	                           "reason", r, r);
}

bool fl_windows_text_line(struct rp_fieldlog* log, int no, const char* line)
{
	for (size_t i = 0; i < sizeof(mstsc_texts) / sizeof(mstsc_texts[0]); i++)
		if (strstr(line, mstsc_texts[i].text))
		{
			log->attempted = true;
			fl_disc_reason(log, mstsc_texts[i].code, no, line);
			return true;
		}
	return false;
}

/* The dialog's sentences in text, each as its fact; `first` the line text starts at (0: the
 * text is the whole input). */
static void dialog_sentences(struct rp_fieldlog* log, const char* text, int first)
{
	char buf[160];

	for (int i = 0; i < N(sentences); i++)
	{
		const char* at = sentence_in(text, i);
		int no;

		if (!at)
			continue;
		no = first ? first : line_no_of(text, at);
		line_of(text, first ? 1 : no, buf, sizeof(buf));
		switch (sentences[i].kind)
		{
			case S_CAUSES:
				fl_said(log, no, buf, sentences[i].says, sentences[i].causes, sentences[i].n);
				continue;
			case S_LOGON_FAILED:
				if (!log->ev.last_error)
					fl_set_last_error(log, rp_last_error_from_name("ERRCONNECT_LOGON_FAILURE"));
				break;
			case S_DNS:
				if (!log->ev.last_error)
					fl_set_last_error(log, rp_last_error_from_name("ERRCONNECT_DNS_NAME_NOT_FOUND"));
				break;
			case S_LICENSE:
				rp_strlcpy(log->license_error, "no license server", sizeof(log->license_error));
				fl_reach(log, RP_PHASE_LICENSING);
				break;
			case S_CREDSSP:
				log->credssp_mismatch = true;
				fl_reach(log, RP_PHASE_NLA);
				break;
			case S_LOGON_TYPE:
				if (!log->ev.last_error)
					fl_set_last_error(log,
					                  rp_last_error_from_name("ERRCONNECT_LOGON_TYPE_NOT_GRANTED"));
				fl_reach(log, RP_PHASE_NLA);
				break;
			case S_PASSWORD_EXPIRED:
				if (!log->ev.last_error)
					fl_set_last_error(log, rp_last_error_from_name("ERRCONNECT_PASSWORD_EXPIRED"));
				fl_reach(log, RP_PHASE_NLA);
				break;
		}
		fl_add_fact(log, no, buf, "%s", sentences[i].says);
	}
}

/* A Windows client's description of its disconnect quoted in another program's line
 * (mRemoteNG 1.77's "Message: ..."): the dialog's sentences in it; true if one was there. */
bool fl_dialog_sentences_in(struct rp_fieldlog* log, int no, const char* text)
{
	int facts = log->n_facts;
	dialog_sentences(log, text, no);
	return log->n_facts > facts;
}

bool fl_parse_dialog(struct rp_fieldlog* log, const char* text)
{
	unsigned long codes[2];
	int lines[2], n;
	bool copied = strstr(text, "[Window Title]") && (strstr(text, "[Content]") ||
	                                                  strstr(text, "[Expanded Information]"));
	bool said = false;
	char buf[160];

	if (log->family[0] || strstr(text, "[ERROR]") || strstr(text, "com.freerdp"))
		return false; /* a client's log that quotes a dialog's words is that client's */
	n = read_codes(text, codes, lines);
	for (int i = 0; i < N(sentences); i++)
		said = said || (strcmp(sentences[i].words[0], "CredSSP") != 0 && sentence_in(text, i));
	/* "CredSSP" alone makes a dialog of a short text only (the dialog in another language,
	 * pasted): a log says it in passing. */
	if (!said && strstr(text, "CredSSP") && count_lines(text) <= 4 && !strchr(text, '['))
		said = true;
	/* The codes' places tell a dialog in any language: a short text whose two codes after a
	 * colon are a disconnect reason Microsoft documents and an errorInfo (or 0), the dialog's
	 * "error code" and "extended error code" whatever their labels say. */
	bool two_codes = n == 2 && count_lines(text) <= 8 && fl_disc_reason_known((int)codes[0]) &&
	                 (codes[1] == 0 || rp_errinfo_name((uint32_t)codes[1]));
	if (!copied && !said && !two_codes && !(n >= 1 && strcasestr(text, "error code")))
		return false;
	log->kind = RP_LOG_WINDOWS_DIALOG;
	rp_strlcpy(log->family, strstr(text, "remote PC") ? "Windows App" : "mstsc",
	           sizeof(log->family));
	log->attempted = true;
	if (n >= 1)
		fl_disc_reason(log, codes[0], lines[0], line_of(text, lines[0], buf, sizeof(buf)));
	if (n >= 2 && codes[1])
	{
		uint32_t e = (uint32_t)codes[1];
		const char* nm = rp_errinfo_name(e);
		log->ev.error_info = e;
		rp_strlcpy(log->ev.error_info_name, nm ? nm : "", sizeof(log->ev.error_info_name));
		fl_add_fact(log, lines[1], line_of(text, lines[1], buf, sizeof(buf)),
		            "the extended error code 0x%X: the server's errorInfo %s", e,
		            nm ? nm : "(unnamed)");
	}
	dialog_sentences(log, text, 0);
	if (n == 0)
	{
		/* no number: the reason by its description, a line at a time */
		int no = 1;
		for (const char* l = text; *l; no++)
		{
			size_t len = strcspn(l, "\n");
			char one[512];
			snprintf(one, sizeof(one), "%.*s", (int)(len < sizeof(one) ? len : sizeof(one) - 1), l);
			if (fl_windows_text_line(log, no, one))
				break;
			l += len + (l[len] == '\n');
		}
	}
	log->n_lines = count_lines(text);
	return true;
}
