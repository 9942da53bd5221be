/* fieldlog_i18n_remmina.h: Remmina's messages as its po/ files translate them, each with the
 * FreeRDP code its msgid is shown for: data, for fieldlog_i18n.c alone (enum tr_kind is
 * declared there, before this is included). */
#ifndef RDPREPRO_FIELDLOG_I18N_REMMINA_H
#define RDPREPRO_FIELDLOG_I18N_REMMINA_H

/* Letters after each row: the po files it is in (a: bb33690, b: v1.4.2, c: v1.3.6). */
static const struct
{
	const char* lang;
	const char* text;
	enum tr_kind kind;
	const char* errname;
	uint32_t errinfo;
} remmina_po[] = {
	/* English, for the messages the reader above has no words for (rdp_plugin.c:2660,
	 * rdp_event.c:1265, rdp_plugin.c:1336, rdp_event.c:363; 1.2-1.3.6's default case) */
	{ "en", "Cannot connect to the \u201c%s\u201d RDP server.", TR_FAILED, NULL, 0 }, /* a */
	{ "en", "Cannot connect to the \"%s\" RDP server.", TR_FAILED, NULL, 0 }, /* b */
	{ "en", "Cannot connect to the RDP server \u201c%s\u201d.", TR_FAILED, NULL, 0 }, /* a */
	{ "en", "Unable to connect to RDP server %s", TR_FAILED, NULL, 0 }, /* c */
	{ "en", "Connected to %s via RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "en", "Disconnected from %s via RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "en", "Reconnection attempt %d of %d\u2026", TR_RECONNECT, NULL, 0 }, /* a */
	{ "de", "Verbunden mit %s via RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "de", "RDP Verbindung zu %s wurde beendet", TR_ENDED, NULL, 0 }, /* a */
	{ "de", "Anmeldung am RDP‐Server %s ist fehlgeschlagen.\nÜberprüfen Sie Benutzername, Passwort und Domäne.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "de", "Kann die Adresse des RDP Servers %s nicht finden.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "de", "Kann die Adresse des RDP-Servers \"%s\" nicht finden.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* b */
	{ "de", "Kann die Adresse des RDP-Servers „%s“ nicht finden.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* a */
	{ "de", "Kann nicht mit RDP-Server „%s“ verbinden. Überprüfen Sie die Einstellung „Aushandlung des Sicherheitsprotokolls“.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "de", "Kann nicht mit RDP-Server „%s“ via TLS verbinden. Überprüfen Sie die DEBUG-Protokolle in einem Terminal-Fenster, um mehr Informationen zu diesem Problem zu erhalten.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "de", "Kann nicht via TLS zum RDP-Server verbinden %s. Stellen Sie sicher, dass Ihr Server und Ihr Client eine gemeinsame TLS-Version unterstützen.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "de", "Kann nicht zum RDP Server verbinden %s.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "de", "Kann nicht zum RDP Server verbinden %s. TLS Verbindung ist fehlgeschlagen. Stellen Sie sicher, dass Ihr Server und Ihr Client eine übliche TLS Version unterstützt.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "de", "Kann zum RDP-Server \"%s\" nicht verbinden.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "de", "Verbindung zum RDP-Server \"%s\" ist verloren gegangen.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* b */
	{ "de", "Verbindung zum RDP-Server „%s“ ist abgebrochen.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "de", "Verbindung zum RDP‐Server %s ist fehlgeschlagen.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "de", "Zugang zum RDP Server %s ist fehlgeschlagen.\nDas Konto ist abgelaufen.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "de", "Zugang zum RDP Server %s ist fehlgeschlagen.\nDas Konto ist eingeschränkt.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "de", "Zugang zum RDP Server %s ist fehlgeschlagen.\nDas Konto ist inaktiv.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "de", "Zugang zum RDP Server %s ist fehlgeschlagen.\nDas Konto wurde ausgesperrt.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "de", "Zugang zum RDP Server %s ist fehlgeschlagen.\nDas Passwort ist abgelaufen.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "de", "Zugang zum RDP-Server \"%s\" ist fehlgeschlagen.\nDas Konto ist abgelaufen.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* b */
	{ "de", "Zugang zum RDP-Server \"%s\" ist fehlgeschlagen.\nDas Konto ist ausgesperrt.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* b */
	{ "de", "Zugang zum RDP-Server \"%s\" ist fehlgeschlagen.\nDas Konto ist eingeschränkt.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* b */
	{ "de", "Zugang zum RDP-Server \"%s\" ist fehlgeschlagen.\nDas Konto ist inaktiv.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* b */
	{ "de", "Zugang zum RDP-Server \"%s\" ist fehlgeschlagen.\nDas Passwort ist abgelaufen.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* b */
	{ "de", "Zugang zum RDP-Server „%s“ ist fehlgeschlagen.\nDas Konto ist abgelaufen.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "de", "Zugang zum RDP-Server „%s“ ist fehlgeschlagen.\nDas Konto ist eingeschränkt.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* a */
	{ "de", "Zugang zum RDP-Server „%s“ ist fehlgeschlagen.\nDas Konto ist gesperrt.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "de", "Zugang zum RDP-Server „%s“ ist fehlgeschlagen.\nDas Konto ist inaktiv.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* a */
	{ "de", "Zugang zum RDP-Server „%s“ ist fehlgeschlagen.\nDas Passwort ist abgelaufen.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* a */
	{ "de", "Zugriff auf den RDP Server %s fehlgeschlagen.\nBenutzer muss Passwort vor der Verbindung ändern.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* c */
	{ "de", "Zugriff auf den RDP-Server \"%s\" ist fehlgeschlagen.\nÄndern Sie das Passwort vor der Verbindung.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* b */
	{ "de", "Zugriff auf den RDP-Server „%s“ ist fehlgeschlagen.\nÄndern Sie das Passwort vor der Verbindung.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* a */
	{ "de", "Das Remote-Desktop-Gateway \"%s\" hat den Benutzer \"%s\\%s\" aufgrund einer Richtlinie abgelehnt.", TR_GATEWAY, NULL, 0 }, /* b */
	{ "de", "Das Remote-Desktop-Gateway „%s“ hat den Benutzer „%s\\%s“ aufgrund einer Richtlinie abgelehnt.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "de", "Der Server \"%s\" hat die Verbindung abgewiesen.", TR_ERRINFO, NULL, 0x7 }, /* b */
	{ "de", "Der Server %s hat die Verbindung abgewiesen.", TR_ERRINFO, NULL, 0x7 }, /* c */
	{ "de", "Der Server „%s“ hat die Verbindung abgewiesen.", TR_ERRINFO, NULL, 0x7 }, /* a */
	{ "de", "Zugriff auf RDP server %s fehlgeschlagen.\nBenutzer hat unzureichende Berechtigungen.", TR_ERRINFO, NULL, 0x9 }, /* c */
	{ "de", "Zugriff auf RDP-Server \"%s\" fehlgeschlagen.\nDer Benutzer hat unzureichende Berechtigungen.", TR_ERRINFO, NULL, 0x9 }, /* b */
	{ "de", "Zugriff auf RDP-Server „%s“ fehlgeschlagen.\nDer Benutzer hat unzureichende Berechtigungen.", TR_ERRINFO, NULL, 0x9 }, /* a */
	{ "de", "Wiederherstellen der Verbindung. Versuch %d von %d…", TR_RECONNECT, NULL, 0 }, /* ab */
	{ "de", "Kann nicht mit RDP-Server „%s“ verbinden.", TR_FAILED, NULL, 0 }, /* a */
	{ "de", "Kann nicht zum RDP Server verbinden %s.", TR_FAILED, NULL, 0 }, /* c */
	{ "de", "Kann zum RDP Server \"%s\" nicht verbinden.", TR_FAILED, NULL, 0 }, /* b */
	{ "de", "Kann zum RDP-Server \"%s\" nicht verbinden.", TR_FAILED, NULL, 0 }, /* b */
	{ "de", "Verbindung zum RDP‐Server %s fehlgeschlagen", TR_FAILED, NULL, 0 }, /* c */
	{ "es", "Se conectó con «%s» mediante RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "es", "Se desconectó de %s a través de RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "es", "Error al conectar con el servidor RDP %s. Falló la conexión TLS. Revise que el cliente y el servidor admitan la misma versión de TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "es", "Error al conectar con el servidor RDP «%s» mediante TLS. Revise las trazas de DEBUG desde una terminal para más información.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "es", "Error al conectar con el servidor RDP «%s» mediante TLS. Revise que el cliente y el servidor admitan la misma versión de TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "es", "Falló el acceso al servidor RDP %s.\nLa contraseña ha caducado.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "es", "Falló el acceso al servidor RDP %s.\nLa cuenta está desactivada.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "es", "Falló el acceso al servidor RDP %s.\nLa cuenta ha caducado.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "es", "Falló el acceso al servidor RDP %s.\nLa cuenta quedó bloqueada.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "es", "Falló el acceso al servidor RDP %s.\nLa cuenta tiene restricciones.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "es", "Falló la autenticación con el servidor RDP %s.\nCompruebe el usuario, la contraseña y el dominio.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "es", "Falló la conexión con el servidor RDP %s.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nEl usuario debe cambiar la contraseña antes de conectarse.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLa contraseña caducó.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLa cuenta caducó.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLa cuenta está desactivada.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLa cuenta quedó bloqueada.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLa cuenta tiene restricciones.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* ab */
	{ "es", "No se pudo encontrar la dirección del servidor RDP «%s».", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* ab */
	{ "es", "No se pudo establecer una conexión RDP con el servidor «%s».", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "es", "No se pudo establecer una conexión con el servidor RDP %s.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "es", "No se puede encontrar la dirección del servidor RDP %s", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "es", "No se puede establecer una conexión con el servidor RDP \"%s\". Compruebe “Negociación del protocolo de seguridad”.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "es", "Se perdió la conexión con el servidor RDP «%s».", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* ab */
	{ "es", "La puerta de enlace de RDP “%s” rechazó el acceso a “%s\\%s” como consecuencia de una política.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "es", "La puerta de enlace de escritorio remoto «%s» rechazó el acceso a «%s»\\%s como consecuencia de una normativa.", TR_GATEWAY, NULL, 0 }, /* b */
	{ "es", "El servidor «%s» rechazó la conexión.", TR_ERRINFO, NULL, 0x7 }, /* ab */
	{ "es", "No se pudo acceder al servidor RDP «%s».\nLos privilegios de usuario son insuficientes.", TR_ERRINFO, NULL, 0x9 }, /* ab */
	{ "es", "Intento de reconexión %d de %d…", TR_RECONNECT, NULL, 0 }, /* a */
	{ "es", "Reconectando... Intento %d de %d…", TR_RECONNECT, NULL, 0 }, /* b */
	{ "es", "No se pudo conectar con el servidor RDP %s", TR_FAILED, NULL, 0 }, /* c */
	{ "es", "No se pudo conectar con el servidor RDP «%s».", TR_FAILED, NULL, 0 }, /* ab */
	{ "fr", "Connecté à %s via RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "fr", "Déconnecté de %s via RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "fr", "Erreur lors de la connexion au serveur RDP %s. La connexion TLS a échoué. Veuillez vérifier que client et serveur prennent en charge une version commune de TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "fr", "Erreur lors de la connexion au serveur RDP « %s » via TLS. Veuillez vérifier les informations de débogage pour de plus amples détails.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "fr", "Erreur lors de la connexion au serveur RDP « %s » via TLS. Veuillez vérifier que client et serveur prennent en charge une version commune de TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "fr", "Impossible de trouver l’adresse du serveur RDP %s.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "fr", "Impossible de trouver l’adresse du serveur RDP « %s ».", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* ab */
	{ "fr", "Impossible d’accéder au serveur RDP « %s ».\nLe compte est verrouillé.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "fr", "Impossible d’établir une connexion RDP avec le serveur %s.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "fr", "Impossible d’établir une connexion RDP avec le serveur « %s ».", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "fr", "Impossible d’établir une connexion avec le serveur RDP « %s ». Vérifiez la « Négociation du protocole de sécurité ».", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "fr", "La connexion au serveur RDP %s a échoué.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "fr", "La connexion au serveur RDP « %s » a été perdue.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* ab */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLe compte a expiré.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLe compte est désactivé.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLe compte est soumis à des restrictions.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLe compte est verrouillé.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLe mot de passe a expiré.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nL’utilisateur doit changer son mot de passe avant de se connecter.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* c */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLe compte a expiré.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* ab */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLe compte est désactivé.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* ab */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLe compte est soumis à des restrictions.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* ab */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLe compte est verrouillé.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* b */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLe mot de passe a expiré.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* ab */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nL’utilisateur doit changer son mot de passe pour pouvoir se connecter.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* ab */
	{ "fr", "L’authentification sur le serveur RDP %s a échoué.\nVeuillez vérifier vos nom d’utilisateur, mot de passe et domaine.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "fr", "Échec d'authentification par carte à puce.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* a */
	{ "fr", "Échec de connexion au serveur RDP « %s ».", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "fr", "La passerelle de bureau à distance « %s » a refusé l’accès à l’utilisateur « %s\\%s » en raison de sa politique de sécurité.", TR_GATEWAY, NULL, 0 }, /* ab */
	{ "fr", "Le serveur %s a refusé la connexion.", TR_ERRINFO, NULL, 0x7 }, /* c */
	{ "fr", "Le serveur « %s » a refusé la connexion.", TR_ERRINFO, NULL, 0x7 }, /* ab */
	{ "fr", "L’accès au serveur RDP %s a échoué.\nLes privilèges de l’utilisateur sont insuffisants.", TR_ERRINFO, NULL, 0x9 }, /* c */
	{ "fr", "L’accès au serveur RDP « %s » a échoué.\nLes privilèges de l’utilisateur sont insuffisants.", TR_ERRINFO, NULL, 0x9 }, /* ab */
	{ "fr", "Tentative de reconnexion %d sur %d…", TR_RECONNECT, NULL, 0 }, /* ab */
	{ "fr", "Connexion au serveur RDP %s impossible.", TR_FAILED, NULL, 0 }, /* c */
	{ "fr", "Connexion au serveur RDP « %s » impossible.", TR_FAILED, NULL, 0 }, /* ab */
	{ "fr", "Échec de la connexion au serveur RDP %s", TR_FAILED, NULL, 0 }, /* c */
	{ "it", "Connesso a %s tramite RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "it", "Disconnesso da %s tramite RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nLa password è scaduta.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* b */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’account ha delle restrizioni.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* b */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’account è bloccato.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* b */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’account è disabilitato.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* b */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’account è scaduto.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* b */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’utente deve cambiare la password prima di accedere.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* b */
	{ "it", "Accesso al server RDP %s fallito.\nLa password è scaduta.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "it", "Accesso al server RDP %s fallito.\nL’account ha delle restrizioni.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "it", "Accesso al server RDP %s fallito.\nL’account è bloccato.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "it", "Accesso al server RDP %s fallito.\nL’account è disabilitato.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "it", "Accesso al server RDP %s fallito.\nL’account è scaduto.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "it", "Accesso al server RDP %s fallito.\nL’utende deve cambiare la password prima di accedere.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* c */
	{ "it", "Accesso al server RDP “%s” fallito.\nLa password è scaduta.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* a */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’account ha delle restrizioni.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* a */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’account è bloccato.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’account è disabilitato.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* a */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’account è scaduto.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’utente deve cambiare la password prima di accedere.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* a */
	{ "it", "Connessione fallita al server RDP “%s”.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "it", "Errore di connessione al server %s. Connessione TLS non riuscita. Controlla che client e server supportino una versione TLS comune.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "it", "Impossibile autenticarsi utilizzando la smartcard.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* a */
	{ "it", "Impossibile connettersi al server RDP \"%s\" tramite TLS. Verificare che il client e il server supportino una versione TLS comune.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "it", "Impossibile connettersi al server RDP “%s” tramite TLS. Vedere le tracce di DEBUG da un terminale per maggiori informazioni.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "it", "Impossibile stabilire una connessione al server RDP \"%s\".", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "it", "Impossibile stabilire una connessione al server RDP «%s». Controllare «Negoziazione del protocollo di sicurezza».", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "it", "Impossibile stabilire una connessione con il server RDP %s.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "it", "Impossibile trovare l'indirizzo per il server RDP \"%s\".", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* b */
	{ "it", "Impossibile trovare l'indirizzo per il server RDP “%s”.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* a */
	{ "it", "Impossibile trovare l’indirizzo del server RDP %s.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "it", "La connessione al server RDP %s non è riuscita.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "it", "L’autenticazione al server RDP %s non è riuscita.\nControlla nome utente, password e dominio.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "it", "Perdita della connessione al server RDP \"%s\".", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* b */
	{ "it", "Perdita della connessione al server RDP “%s”.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "it", "Il Gateway Desktop remoto \"%s\" ha negato all'utente \"%s\\%s\" l'accesso a causa dei criteri di protezione.", TR_GATEWAY, NULL, 0 }, /* b */
	{ "it", "Il Gateway Desktop remoto «%s» ha negato all'utente «%s\\%s» l'accesso a causa dei criteri di protezione.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "it", "Accesso al server RDP \"%s\" fallito.\nL’utente ha privilegi insufficenti.", TR_ERRINFO, NULL, 0x9 }, /* b */
	{ "it", "Accesso al server RDP %s fallito.\nL’utente ha privilegi insufficenti.", TR_ERRINFO, NULL, 0x9 }, /* c */
	{ "it", "Accesso al server RDP “%s” fallito.\nL’utente ha privilegi insufficienti.", TR_ERRINFO, NULL, 0x9 }, /* a */
	{ "it", "Il server \"%s\" ha rifiutato la connessione.", TR_ERRINFO, NULL, 0x7 }, /* b */
	{ "it", "Il server “%s” ha rifiutato la connessione.", TR_ERRINFO, NULL, 0x7 }, /* a */
	{ "it", "Server %s rifiuta la connessione.", TR_ERRINFO, NULL, 0x7 }, /* c */
	{ "it", "Tentativo di riconnessione %d di %d…", TR_RECONNECT, NULL, 0 }, /* ab */
	{ "it", "Impossibile connettersi al server RDP \"%s\".", TR_FAILED, NULL, 0 }, /* b */
	{ "it", "Impossibile connettersi al server RDP %s", TR_FAILED, NULL, 0 }, /* c */
	{ "it", "Impossibile connettersi al server RDP %s.", TR_FAILED, NULL, 0 }, /* c */
	{ "it", "Impossibile connettersi al server RDP “%s”.", TR_FAILED, NULL, 0 }, /* a */
	{ "ja", "RDP で %s に接続", TR_CONNECTED, NULL, 0 }, /* a */
	{ "ja", "RDP で %s から切断", TR_ENDED, NULL, 0 }, /* a */
	{ "ja", "RDP サーバー \"%s\" への接続を確立できません。「セキュリティプロトコルのネゴシエーション」を確認してください。", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” に TLS で接続できませんでした。詳細は端末からデバッグを追跡して確認してください。", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nアカウントがロックアウトされました。", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nアカウントが制限されています。", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nアカウントが期限切れです。", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nアカウントが無効です。", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nパスワードが期限切れです。", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\n接続する前にユーザーパスワードを変更してください。", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” のアドレスが見つかりませんでした。", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* a */
	{ "ja", "RDP サーバー “%s” への接続がロストしました。", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "ja", "リモートデスクトップゲートウェイ \"%s\" はポリシーにより、ユーザー \"%s\\%s\" のアクセスを拒否しました。", TR_GATEWAY, NULL, 0 }, /* a */
	{ "ja", "RDP サーバー “%s” にアクセスできませんでした。\nユーザーの権限が不足しています。", TR_ERRINFO, NULL, 0x9 }, /* a */
	{ "ja", "サーバー “%s” が接続を拒否しました。", TR_ERRINFO, NULL, 0x7 }, /* a */
	{ "ja", "再接続の試行 %d / %d…", TR_RECONNECT, NULL, 0 }, /* a */
	{ "ja", "RDP サーバー %s に接続できません", TR_FAILED, NULL, 0 }, /* c */
	{ "ja", "RDP サーバー “%s” に接続できません。", TR_FAILED, NULL, 0 }, /* a */
	{ "ja", "“%s” RDP サーバーに接続できません。", TR_FAILED, NULL, 0 }, /* a */
	{ "ko", "RDP를 통해 %s에 연결됨", TR_CONNECTED, NULL, 0 }, /* a */
	{ "ko", "RDP를 통해 %s에서 연결 해제됨", TR_ENDED, NULL, 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 대한 연결이 끊어졌습니다.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n계정이 만료되었습니다.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n계정이 비활성화 되었습니다.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n계정이 잠겼습니다.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n계정이 제한되었습니다.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n비밀번호가 만료되었습니다.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n접속하기 전에 사용자 비밀번호를 변경하십시오.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* a */
	{ "ko", "RDP 서버 \"%s\"의 주소를 찾을 수 없습니다.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* a */
	{ "ko", "RDP 서버 “%s”에 연결할 수 없습니다. “보안 프로토콜 협상”을 선택합니다.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "ko", "TLS로 RDP 서버 \"%s\"에 연결할 수 없습니다. 자세한 내용은 터미널의 DEBUG 추적을 참조하세요.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "ko", "원격 데스크톱 게이트웨이 \"%s\"이(가) 정책으로 인해 사용자 \"%s\\%s\" 접속을 거부했습니다.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "ko", "\"%s\"서버가 연결을 거부했습니다.", TR_ERRINFO, NULL, 0x7 }, /* a */
	{ "ko", "RDP 서버 \"%s\"에 접속할 수 없습니다.\n사용자 권한이 부족합니다.", TR_ERRINFO, NULL, 0x9 }, /* a */
	{ "ko", "%d (%d 개중에) 번째 재 연결 시도중…", TR_RECONNECT, NULL, 0 }, /* a */
	{ "ko", "RDP 서버 %s에 연결할 수 없습니다.", TR_FAILED, NULL, 0 }, /* a */
	{ "ko", "RDP 서버 %s에 연결할 수 없음", TR_FAILED, NULL, 0 }, /* c */
	{ "pt_BR", "Conectado ao %s via RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "pt_BR", "Foi desconectado de %s via RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "pt_BR", "Conexão perdida com o servidor RDP \"%s\".", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nA conta está bloqueada.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nA conta está desativada.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nA conta expirou.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nA conta tem restrições.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nA senha expirou.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* ab */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nO usuário deve alterar a senha antes de conectar.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* ab */
	{ "pt_BR", "Não foi possível estabelecer uma conexão com o servidor RDP \"%s\".", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "pt_BR", "Não foi possível estabelecer uma conexão com o servidor RDP \"%s\". Verifique \"Negociação de protocolo de segurança\".", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "pt_BR", "Não foi possível localizar o endereço do servidor RDP \"%s\".", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* ab */
	{ "pt_BR", "Não foi possível se conectar ao servidor RDP \"%s\" via TLS. Consulte os registros DEBUG a partir de um terminal para obter mais informações.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "pt_BR", "Não foi possível se conectar ao servidor RDP \"%s\" via TLS. Verifique se o cliente e o servidor oferecem suporte a uma versão TLS comum.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "pt_BR", "O Gateway de Área de Trabalho Remota \"%s\" negou acesso ao usuário \"%s\\%s\" em razão de política.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "pt_BR", "O gateway de área de trabalho remota \"%s\" negou acesso ao usuário \"%s\\%s\" em razão de política.", TR_GATEWAY, NULL, 0 }, /* b */
	{ "pt_BR", "Não foi possível acessar o servidor RDP “%s”.\nO usuário tem privilégios insuficientes.", TR_ERRINFO, NULL, 0x9 }, /* ab */
	{ "pt_BR", "O servidor \"%s\" negou a conexão.", TR_ERRINFO, NULL, 0x7 }, /* ab */
	{ "pt_BR", "Tentativa de reconexão %d de %d…", TR_RECONNECT, NULL, 0 }, /* ab */
	{ "pt_BR", "Não foi possível conectar ao servidor RDP \"%s\".", TR_FAILED, NULL, 0 }, /* ab */
	{ "pt_BR", "Não foi possível conectar-se ao servidor RDP %s", TR_FAILED, NULL, 0 }, /* c */
	{ "pt_BR", "Não foi possível se conectar ao servidor RDP \"%s\".", TR_FAILED, NULL, 0 }, /* ab */
	{ "ru", "Подключен к %s через RDP", TR_CONNECTED, NULL, 0 }, /* a */
	{ "ru", "Отключение от %s через RDP", TR_ENDED, NULL, 0 }, /* a */
	{ "ru", "Аутентификация на сервере RDP %s не удалась.\nПроверьте имя пользователя, пароль и домен.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nАккаунт заблокирован.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nАккаунту закрыт доступ.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nИстёк пароль.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nИстёк срок аккаунта.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nПользователь должен сменить пароль перед соединением.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* c */
	{ "ru", "Доступ к RDP серверу %s не удался.\nУ аккаунта ограничения.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "ru", "Не удалось аутентифицироваться через SmartCard.", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* a */
	{ "ru", "Не удалось найти адрес RDP сервера \"%s\".", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* ab */
	{ "ru", "Не удалось найти адрес RDP сервера %s.", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "ru", "Не удалось подключиться к RDP серверу \"%s\".", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nИстёк пароль.", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* ab */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nИстёк срок учётной записи.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nПользователь должен сменить пароль перед соединением.", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* ab */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nУ учётной записи ограничения.", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* ab */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nУчётная запись заблокирована.", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* ab */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nУчётной записи закрыт доступ.", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* ab */
	{ "ru", "Невозможно установить соединение с RDP сервером \"%s\".", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "ru", "Невозможно установить соединение с RDP сервером %s.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "ru", "Невозможно установить соединение с RDP-сервером \"%s\". Проверьте “Согласование протокола безопасности”.", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "ru", "Ошибка соединения с RDP сервером \"%s\" через TLS. Проверьте, что клиент и сервер поддерживают текущую версию TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* b */
	{ "ru", "Ошибка соединения с RDP сервером %s. Соединение TLS сброшено. Проверьте, что клиент и сервер поддерживают текущую версию TLS.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "ru", "Ошибка соединения с RDP сервером “%s” через TLS. Для получения дополнительной информации смотрите трассировку DEBUG из терминала.", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "ru", "Подключение к RDP серверу \"%s\" потеряно.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* ab */
	{ "ru", "Подключение к RDP серверу %s не удалось.", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "ru", "не удался доступ к RDP серверу \"%s\".\nИстёк срок учётной записи.", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* b */
	{ "ru", "Шлюз удалённого доступа \"%s\" запретил пользователю \"%s\\%s\" доступ, из-за его политик.", TR_GATEWAY, NULL, 0 }, /* b */
	{ "ru", "Шлюз удалённого доступа “%s” запретил пользователю “%s\\%s” доступ, из-за его политик.", TR_GATEWAY, NULL, 0 }, /* a */
	{ "ru", "Доступ к RDP серверу %s не удался.\nУ пользователя нет привилегий.", TR_ERRINFO, NULL, 0x9 }, /* c */
	{ "ru", "Не удался доступ к RDP серверу \"%s\".\nУ пользователя нет привилегий.", TR_ERRINFO, NULL, 0x9 }, /* ab */
	{ "ru", "Сервер \"%s\" отклонил соединение.", TR_ERRINFO, NULL, 0x7 }, /* ab */
	{ "ru", "Сервер %s отклонил соединение.", TR_ERRINFO, NULL, 0x7 }, /* c */
	{ "ru", "Попытка повторного подключения %d из %d…", TR_RECONNECT, NULL, 0 }, /* ab */
	{ "ru", "Невозможно подключиться к \"%s\" RDP серверу.", TR_FAILED, NULL, 0 }, /* a */
	{ "ru", "Невозможно подключиться к RDP серверу \"%s\".", TR_FAILED, NULL, 0 }, /* ab */
	{ "ru", "Невозможно подключиться к RDP серверу %s", TR_FAILED, NULL, 0 }, /* c */
	{ "ru", "Невозможно подключиться к RDP серверу %s.", TR_FAILED, NULL, 0 }, /* c */
	{ "zh_CN", "已通过 RDP 连接到 %s", TR_CONNECTED, NULL, 0 }, /* a */
	{ "zh_CN", "通过 RDP 断开和 %s 的连接", TR_ENDED, NULL, 0 }, /* a */
	{ "zh_CN", "RDP 服务器 %s 认证失败。\n请检查用户名、密码和域。", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 %s 访问失败。\n密码已过期。", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 %s 访问失败。\n账户受限。", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 %s 访问失败。\n账户已禁用。", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 %s 访问失败。\n账户已过期。", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 %s 访问失败。\n账户被锁。", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* c */
	{ "zh_CN", "RDP 服务器 “%s” 访问失败。\n账户已禁用。", TR_ERROR, "ERRCONNECT_ACCOUNT_DISABLED", 0 }, /* a */
	{ "zh_CN", "RDP 服务器 “%s”访问失败。\n密码已过期。", TR_ERROR, "ERRCONNECT_PASSWORD_EXPIRED", 0 }, /* a */
	{ "zh_CN", "RDP 服务器 “%s”访问失败。\n账户受限。", TR_ERROR, "ERRCONNECT_ACCOUNT_RESTRICTION", 0 }, /* a */
	{ "zh_CN", "RDP 服务器 “%s”访问失败。\n账户已过期。", TR_ERROR, "ERRCONNECT_ACCOUNT_EXPIRED", 0 }, /* a */
	{ "zh_CN", "RDP 服务器 “%s”访问失败。\n账户被锁。", TR_ERROR, "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 }, /* a */
	{ "zh_CN", "失去到 RDP 服务器 \"%s\" 的连接。", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* b */
	{ "zh_CN", "失去到 RDP 服务器 “%s”的连接。", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "zh_CN", "无法与 RDP 服务器 \"%s\" 建立连接。", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* b */
	{ "zh_CN", "无法与 RDP 服务器 %s 建立连接。", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* c */
	{ "zh_CN", "无法使用 smartcard 进行身份认证。", TR_ERROR, "ERRCONNECT_LOGON_FAILURE", 0 }, /* a */
	{ "zh_CN", "无法建立到 RDP 服务器 “%s”的连接。检查“安全协议协商”。", TR_ERROR, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 }, /* a */
	{ "zh_CN", "无法找到 RDP 服务器 \"%s\" 的地址。", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* b */
	{ "zh_CN", "无法找到 RDP 服务器 %s 的地址。", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* c */
	{ "zh_CN", "无法找到 RDP 服务器 “%s”的地址。", TR_ERROR, "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 }, /* a */
	{ "zh_CN", "无法通过 TLS 连接到 RDP 服务器 “%s” 。有关详细信息，请参阅来自终端的调试跟踪。", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* a */
	{ "zh_CN", "未能连接到 RDP 服务器 “%s”。", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* a */
	{ "zh_CN", "访问 RDP 服务器 %s 失败。\n用户必须在连接前更改密码。", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* c */
	{ "zh_CN", "访问 RDP 服务器 “%s” 失败。\n用户必须在连接前更改密码。", TR_ERROR, "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 }, /* a */
	{ "zh_CN", "连接到 RDP 服务器 %s 失败。", TR_ERROR, "ERRCONNECT_CONNECT_FAILED", 0 }, /* c */
	{ "zh_CN", "连接到 RDP 服务器 %s 时出错。TLS 连接失败。请检查客户端和服务器是否支持通用 TLS 版本。", TR_ERROR, "ERRCONNECT_TLS_CONNECT_FAILED", 0 }, /* c */
	{ "zh_CN", "由于策略，远程桌面网关 \"%s\" 拒绝了用户 \"%s\\%s\" 的访问。", TR_GATEWAY, NULL, 0 }, /* b */
	{ "zh_CN", "由于策略，远程桌面网关 “%s” 拒绝了用户 \"%s\\%s\" 的访问。", TR_GATEWAY, NULL, 0 }, /* a */
	{ "zh_CN", "服务器 \"%s\" 拒绝连接。", TR_ERRINFO, NULL, 0x7 }, /* b */
	{ "zh_CN", "服务器 %s 拒绝连接。", TR_ERRINFO, NULL, 0x7 }, /* c */
	{ "zh_CN", "服务器 “%s” 拒绝连接。", TR_ERRINFO, NULL, 0x7 }, /* a */
	{ "zh_CN", "访问 RDP 服务器 %s 失败。\n用户权限不足。", TR_ERRINFO, NULL, 0x9 }, /* c */
	{ "zh_CN", "访问 RDP 服务器 “%s”失败。\n用户权限不足。", TR_ERRINFO, NULL, 0x9 }, /* a */
	{ "zh_CN", "正在重新连接。尝试 %d 的 %d…", TR_RECONNECT, NULL, 0 }, /* a */
	{ "zh_CN", "无法连接到 RDP 服务器 \"%s\" 。", TR_FAILED, NULL, 0 }, /* b */
	{ "zh_CN", "无法连接到 RDP 服务器 \"%s\"。", TR_FAILED, NULL, 0 }, /* b */
	{ "zh_CN", "无法连接到 RDP 服务器 %s", TR_FAILED, NULL, 0 }, /* c */
	{ "zh_CN", "无法连接到 RDP 服务器 %s。", TR_FAILED, NULL, 0 }, /* c */
	{ "zh_CN", "无法连接到 RDP 服务器 “%s” 。", TR_FAILED, NULL, 0 }, /* a */
	{ "zh_CN", "无法连接到 RDP 服务器 “%s”。", TR_FAILED, NULL, 0 }, /* a */
};

#endif
