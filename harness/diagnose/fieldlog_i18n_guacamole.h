/* fieldlog_i18n_guacamole.h: Apache Guacamole's web dialog in its languages, and JumpServer
 * Lion's texts: data, for fieldlog_i18n.c alone (enum gw_path is declared there, before this is
 * included). */
#ifndef RDPREPRO_FIELDLOG_I18N_GUACAMOLE_H
#define RDPREPRO_FIELDLOG_I18N_GUACAMOLE_H

static const struct
{
	const char* text;
	enum gw_path path;
	unsigned code; /* the Guacamole status; 0: the default text (any other code) */
} guac_web[] = {
	{ "Aquesta connexió s'ha tancat perquè el servidor està ocupat.", GW_CLIENT, 0x201 }, /* ca */
	{ "Aufgrund hoher Serverauslastung wurde diese Verbindung zurückgesetzt.", GW_CLIENT, 0x201 }, /* de/old */
	{ "Bu bağlantı kapatıldı çünkü sunucu meşgul.", GW_CLIENT, 0x201 }, /* tr */
	{ "Cette connexion a été fermée car le serveur est occupé.", GW_CLIENT, 0x201 }, /* fr */
	{ "Denne tilkoblingen har blitt lukket fordi server er opptatt.", GW_CLIENT, 0x201 }, /* no */
	{ "Deze verbinding is gesloten omdat de server druk is.", GW_CLIENT, 0x201 }, /* nl */
	{ "Essa conexão foi fechada porque o servidor está ocupado.", GW_CLIENT, 0x201 }, /* pt */
	{ "Esta conexión se ha cerrado porque el servidor esta ocupado.", GW_CLIENT, 0x201 }, /* es */
	{ "La connessione è stata chiusa perchè il server è sovraccarico.", GW_CLIENT, 0x201 }, /* it */
	{ "Połączenie zostało zamknięte, ponieważ serwer jest zajęty.", GW_CLIENT, 0x201 }, /* pl */
	{ "Synchronizační server je zaneprázdněn, zkuste to prosím znovu později.", GW_CLIENT, 0x201 }, /* cs */
	{ "This connection has been closed because the server is busy.", GW_CLIENT, 0x201 }, /* en */
	{ "Соединение было закрыто, так как сервер перегружен.", GW_CLIENT, 0x201 }, /* ru */
	{ "サーバーがビジー状態のため、この接続は切断されました。", GW_CLIENT, 0x201 }, /* ja */
	{ "因服务器繁忙，本连接已被关闭。", GW_CLIENT, 0x201 }, /* old/zh */
	{ "서버 사용량이 많아 연결이 종료되었습니다.", GW_CLIENT, 0x201 }, /* ko */
	{ "De Guacamole server heeft deze verbinding geweigerd omdat er al te veel actieve verbindingen zijn.", GW_TUNNEL, 0x201 }, /* nl */
	{ "Der Verbindungsversuch wurde aufgrund zu vieler bestehenden Verbindungen durch den Guacamole Server zurückgewiesen.", GW_TUNNEL, 0x201 }, /* old */
	{ "Der Verbindungsversuch wurde aufgrund zu vieler bestehender Verbindungen durch den Guacamole Server zurückgewiesen.", GW_TUNNEL, 0x201 }, /* de */
	{ "El servidor Guacamole ha rebutjat aquest intent de connexió perquè hi ha massa connexions actives.", GW_TUNNEL, 0x201 }, /* ca */
	{ "El servidor Guacamole ha rechazado este intento de conexión porque hay muchas conexiones activas.", GW_TUNNEL, 0x201 }, /* es */
	{ "Guacamole har avvist oppkoblingen fordi det er for mange aktive forbindelser.", GW_TUNNEL, 0x201 }, /* no */
	{ "Guacamole sunucusu bu bağlantı denemesini reddetti çünkü çok miktarda açık bağlantı var.", GW_TUNNEL, 0x201 }, /* tr */
	{ "Il server Guacamole ha rifiutato questa connessione perchè ci sono troppe connessioni attive.", GW_TUNNEL, 0x201 }, /* it */
	{ "Le serveur Guacamole a rejeté cette tentative de connexion car il y a trop de connexions ouvertes.", GW_TUNNEL, 0x201 }, /* fr */
	{ "O servidor de Guacamole rejeitou essa tentativa de conexão porque há muitas conexões ativas.", GW_TUNNEL, 0x201 }, /* pt */
	{ "Server Guacamole odmítl tento pokus o připojení, protože existuje příliš mnoho aktivních připojení.", GW_TUNNEL, 0x201 }, /* cs */
	{ "Serwer Guacamole odrzucił tę próbę połączenia, ponieważ istnieje zbyt wiele aktywnych połączeń.", GW_TUNNEL, 0x201 }, /* pl */
	{ "The Guacamole server has rejected this connection attempt because there are too many active connections.", GW_TUNNEL, 0x201 }, /* en */
	{ "Сервер Guacamole отклонил соединение, так как уже открыто слишком много соединений.", GW_TUNNEL, 0x201 }, /* ru */
	{ "Сервер запретил соединение, так как открыто слишком много соединений.", GW_TUNNEL, 0x201 }, /* old */
	{ "アクティブな接続が多すぎるため、Guacamoleサーバーはこの接続を拒否しました。", GW_TUNNEL, 0x201 }, /* ja */
	{ "因为正在使用的活动连接太多，Guacamole 服务器拒绝了本连接。", GW_TUNNEL, 0x201 }, /* zh */
	{ "因为正在使用的活动连接太多，Guacamole服务器拒绝了本连接。", GW_TUNNEL, 0x201 }, /* old */
	{ "활성 연결이 너무 많기 때문에 Guacamole 서버에서 이 연결 시도를 거부했습니다.", GW_TUNNEL, 0x201 }, /* ko */
	{ "De Guacamole server heeft de verbinding gesloten omdat het externe bureaublad te lang niet heeft gereageerd.", GW_CLIENT, 0x202 }, /* nl */
	{ "Der Verbindungsaufbau wurde durch den Guacamole Server abgebrochen da der Entfernte Computer nicht reagiert.", GW_CLIENT, 0x202 }, /* old */
	{ "Der Verbindungsaufbau wurde durch den Guacamole Server abgebrochen da der entfernte Computer nicht reagiert.", GW_CLIENT, 0x202 }, /* de */
	{ "El servidor Guacamole ha cerrado la conexión porque el escritorio remoto está tardando mucho en responder.", GW_CLIENT, 0x202 }, /* es */
	{ "El servidor Guacamole ha tancat la connexió perquè l'escriptori remot triga massa temps a respondre.", GW_CLIENT, 0x202 }, /* ca */
	{ "Guacamole har lukket forbindelsen fordi serveren bruker for lang tid på å svare.", GW_CLIENT, 0x202 }, /* no */
	{ "Guacamole server zavřel spojení protože vzdálený počítač příliš dlouho neodpovídal.", GW_CLIENT, 0x202 }, /* cs */
	{ "Guacamole sunucusu bağlantıyı sonlandırdı çünkü uzak masaüstünün yanıt vermesi çok uzun sürüyor.", GW_CLIENT, 0x202 }, /* tr */
	{ "Il server Guacamole ha chiuso la connessione perchè il desktop remoto risponde troppo lentamente.", GW_CLIENT, 0x202 }, /* it */
	{ "Le serveur Guacamole a fermé cette connexion car l'ordinateur distant a mis trop de temps à répondre.", GW_CLIENT, 0x202 }, /* fr */
	{ "O Servidor Guacamole fechou a sessão porque a estação remota estava levando muito tempo para responder.", GW_CLIENT, 0x202 }, /* pt */
	{ "Serwer Guacamole zamknął połączenie, ponieważ zdalny pulpit nie odpowiada przez zbyt długi czas.", GW_CLIENT, 0x202 }, /* pl */
	{ "The Guacamole server has closed the connection because the remote desktop is taking too long to respond.", GW_CLIENT, 0x202 }, /* en */
	{ "Сервер Guacamole закрыл соединение, так как удаленный рабочий стол долго не отвечает.", GW_CLIENT, 0x202 }, /* ru */
	{ "リモートデスクトップの応答に時間がかかりすぎるため、Guacamoleサーバが接続を切断しました。", GW_CLIENT, 0x202 }, /* ja */
	{ "因远程桌面太久没有应答，Guacamole 服务器关闭了本连接。", GW_CLIENT, 0x202 }, /* zh */
	{ "因远程桌面太久没有应答，Guacamole服务器关闭了本连接。", GW_CLIENT, 0x202 }, /* old */
	{ "원격 데스크톱이 응답하는데 너무 오래걸려서 Guacamole 서버가 연결을 닫았습니다.", GW_CLIENT, 0x202 }, /* ko */
	{ "Сервер закрыл соединение, так как удаленные рабочий стол не отвечает.", GW_EITHER, 0x202 }, /* old */
	{ "A conexão foi encerrada porque o servidor está demorando muito par responder.", GW_TUNNEL, 0x202 }, /* pt */
	{ "Bağlantı kapatıldı çünkü sunucunun yanıt vermesi çok uzun sürüyor.", GW_TUNNEL, 0x202 }, /* tr */
	{ "De verbinding is gesloten omdat de server niet op tijd reageerd.", GW_TUNNEL, 0x202 }, /* nl */
	{ "Die Verbindung zum Server wurde aufgrund hoher Latenz geschlossen.", GW_TUNNEL, 0x202 }, /* de */
	{ "Forbindelsen er lukket fordi server bruker for lang tid på å svare.", GW_TUNNEL, 0x202 }, /* no */
	{ "La connessione è stata chiusa dal server is taking too long to respond.Solitamente la causa è un problema di rete, ad esempio un segnale wifi instabile o una connesisone molto lenta.", GW_TUNNEL, 0x202 }, /* old */
	{ "La connessione è stata chiusa dal server perché ci vuole troppo tempo per rispondere.", GW_TUNNEL, 0x202 }, /* it */
	{ "La connexion a été fermée car le serveur met trop de temps à répondre.", GW_TUNNEL, 0x202 }, /* fr */
	{ "La connexió s'ha tancat perquè el servidor triga massa temps a respondre.", GW_TUNNEL, 0x202 }, /* ca */
	{ "Połączenie zostało zamknięte, ponieważ serwer nie odpowiada przez zbyt długo czas.", GW_TUNNEL, 0x202 }, /* pl */
	{ "Připojení bylo uzavřeno, protože serveru trvalo příliš dlouho, než odpověděl.", GW_TUNNEL, 0x202 }, /* cs */
	{ "Se ha cerrado la conexión porque el servidor está tardando mucho en responder.", GW_TUNNEL, 0x202 }, /* es */
	{ "The connection has been closed because the server is taking too long to respond.", GW_TUNNEL, 0x202 }, /* en */
	{ "Соединение было закрыто, так как сервер долго не отвечает.", GW_TUNNEL, 0x202 }, /* ru */
	{ "サーバーの応答に時間がかかりすぎるため、接続が切断されました。", GW_TUNNEL, 0x202 }, /* ja */
	{ "因服务器太久没有应答，本连接已被关闭。", GW_TUNNEL, 0x202 }, /* old/zh */
	{ "因服务器太久没有应答，本连续已被关闭。", GW_TUNNEL, 0x202 }, /* old */
	{ "서버 응답시간이 너무 길어 연결을 닫았습니다.", GW_TUNNEL, 0x202 }, /* ko */
	{ "A estação remota encontrou um erro e fechou a conexão.", GW_CLIENT, 0x203 }, /* pt */
	{ "Chyba vzdáleného serveru, spojení bylo uzavřeno.", GW_CLIENT, 0x203 }, /* cs */
	{ "Der entfernte Computer hat einen Fehler hervorgerufen und die Verbindung geschlossen.", GW_CLIENT, 0x203 }, /* de/old */
	{ "Det har oppstått en feil på terminalserveren og forbindelsen er lukket.", GW_CLIENT, 0x203 }, /* no */
	{ "El servidor d'escriptori remot ha trobat un error i ha tancat la connexió.", GW_CLIENT, 0x203 }, /* ca */
	{ "El servidor de escritorio remoto encontró un error y ha cerrado la conexión.", GW_CLIENT, 0x203 }, /* es */
	{ "Er is een fout opgetreden bij de externe bureaublad server en heeft de verbinding gesloten.", GW_CLIENT, 0x203 }, /* nl */
	{ "Il desktop remoto ha riscontrato un errore ed ha chiuso la connessione.", GW_CLIENT, 0x203 }, /* it */
	{ "Le serveur distant a rencontré une erreur et a fermé la connexion.", GW_CLIENT, 0x203 }, /* fr */
	{ "Serwer zdalnego pulpitu napotkał błąd i zamknął połączenie.", GW_CLIENT, 0x203 }, /* pl */
	{ "The remote desktop server encountered an error and has closed the connection.", GW_CLIENT, 0x203 }, /* en */
	{ "Uzak masaüstü sunucusunda bir hata oluştu ve bağlantıyı kapattı.", GW_CLIENT, 0x203 }, /* tr */
	{ "На сервере удаленных рабочих столов произошла ошибка и соединение было закрыто.", GW_CLIENT, 0x203 }, /* ru */
	{ "リモートデスクトップサーバーでエラーが発生し、接続を切断しました。", GW_CLIENT, 0x203 }, /* ja */
	{ "远程桌面服务器因为出错而关闭了本连接。", GW_CLIENT, 0x203 }, /* old */
	{ "远程桌面服务器因为发生错误而关闭了本连接。", GW_CLIENT, 0x203 }, /* zh */
	{ "원격 데스크톱 서버에 오류가 발생해서 연결을 닫았습니다.", GW_CLIENT, 0x203 }, /* ko */
	{ "На сервере удаленные рабочих столов произошла ошибка, и соединение было закрыто.", GW_EITHER, 0x203 }, /* old */
	{ "Die Verbindung wurde aufgrund eines interen Fehlers beendet.", GW_TUNNEL, 0x203 }, /* old */
	{ "Die Verbindung wurde aufgrund eines internen Fehlers beendet.", GW_TUNNEL, 0x203 }, /* de/old */
	{ "El servidor encontró un error y ha cerrado la conexión.", GW_TUNNEL, 0x203 }, /* es */
	{ "El servidor ha trobat un error i ha tancat la connexió.", GW_TUNNEL, 0x203 }, /* ca */
	{ "Er heeft een fout plaats gevonden op de server en deze heeft de verbinding gesloten.", GW_TUNNEL, 0x203 }, /* nl */
	{ "Le serveur a rencontré une erreur et a fermé la connexion.", GW_TUNNEL, 0x203 }, /* fr */
	{ "O servidor encontrou um erro e encerrou a conexão.", GW_TUNNEL, 0x203 }, /* pt */
	{ "Server zjistil chybu a připojení ukončil.", GW_TUNNEL, 0x203 }, /* cs */
	{ "Serveren støtte på en feil og har lukket forbindelsen.", GW_TUNNEL, 0x203 }, /* no */
	{ "Serwer napotkał błąd i zamknął połączenie.", GW_TUNNEL, 0x203 }, /* pl */
	{ "Si è verificato un errore sul server e la connessione è stata chiusa.", GW_TUNNEL, 0x203 }, /* it */
	{ "Sunucu bir sorunla karşılaştı ve bağlantıyı kapattı.", GW_TUNNEL, 0x203 }, /* tr */
	{ "The server encountered an error and has closed the connection.", GW_TUNNEL, 0x203 }, /* en */
	{ "На сервере произошла ошибка и соединение было закрыто.", GW_TUNNEL, 0x203 }, /* ru */
	{ "サーバーでエラーが発生し、接続を切断しました。", GW_TUNNEL, 0x203 }, /* ja */
	{ "服务器出错并关闭了本连接。", GW_TUNNEL, 0x203 }, /* zh */
	{ "서버에 오류가 발생해서 연결을 닫았습니다.", GW_TUNNEL, 0x203 }, /* ko */
	{ "A conexão solicitada não existe.", GW_TUNNEL, 0x204 }, /* pt */
	{ "De gevraagde verbinding bestaat niet.", GW_TUNNEL, 0x204 }, /* nl */
	{ "Den etterspurte tilkoblingen eksisterer ikke.", GW_TUNNEL, 0x204 }, /* no */
	{ "Die angeforderte Verbindung exisiert nicht.", GW_TUNNEL, 0x204 }, /* old */
	{ "Die angeforderte Verbindung existiert nicht.", GW_TUNNEL, 0x204 }, /* de/old */
	{ "La conexión solicitada no existe.", GW_TUNNEL, 0x204 }, /* es/old */
	{ "La connessione richiesta non esiste.", GW_TUNNEL, 0x204 }, /* it */
	{ "La connexió sol·licitada no existeix.", GW_TUNNEL, 0x204 }, /* ca */
	{ "Le connexion demandée n'existe pas.", GW_TUNNEL, 0x204 }, /* fr */
	{ "Požadované připojení neexistuje.", GW_TUNNEL, 0x204 }, /* cs */
	{ "Talep edilen bağlantı mevcut değil.", GW_TUNNEL, 0x204 }, /* tr */
	{ "The requested connection does not exist.", GW_TUNNEL, 0x204 }, /* en */
	{ "Żądane połączenie nie istnieje.", GW_TUNNEL, 0x204 }, /* pl */
	{ "Соединение не существует.", GW_TUNNEL, 0x204 }, /* ru */
	{ "指定された接続は存在しません。", GW_TUNNEL, 0x204 }, /* ja */
	{ "请求的连接不存在。", GW_TUNNEL, 0x204 }, /* zh */
	{ "요청한 연결이 존재하지 않습니다.", GW_TUNNEL, 0x204 }, /* ko */
	{ "Cette connexion a été fermée car elle est en conflit avec une autre.", GW_CLIENT, 0x205 }, /* old */
	{ "Denne forbindelsen er lukket fordi den er i konflikt med en annen forbindelse.", GW_CLIENT, 0x205 }, /* no */
	{ "Deze verbinding is beeindigd omdat het conflicteerd met een andere verbinding.", GW_CLIENT, 0x205 }, /* nl */
	{ "Diese Verbindung kollidiert mit einer bestehenen Verbindung.", GW_CLIENT, 0x205 }, /* old */
	{ "Questa connessione è stata chiusa a causa di un conflitto con un'altra connessione.", GW_CLIENT, 0x205 }, /* it */
	{ "This connection has been closed because it conflicts with another connection.", GW_CLIENT, 0x205 }, /* old */
	{ "This connection requires a resource that is currently in use, but shared access to that resource is either not possible or not permitted.", GW_CLIENT, 0x205 }, /* en */
	{ "Toto připojení vyžaduje prostředek, který je právě používán, ale sdílený přístup k tomuto prostředku buď není možný, nebo není povolen.", GW_CLIENT, 0x205 }, /* cs */
	{ "Соединение было закрыто, так как оно конфликтовало с другим соединением.", GW_CLIENT, 0x205 }, /* old */
	{ "Actualment aquesta connexió està en ús i no es permet l'accés simultani a aquesta connexió.", GW_TUNNEL, 0x205 }, /* ca */
	{ "Bağlantı halihazırda kullanımda ve bu bağlantıya eş zamanlı erişime izin verilmiyor.", GW_TUNNEL, 0x205 }, /* tr */
	{ "Cette connexion est actuellement utilisée et les connexions multiples ne sont pas autorisées.", GW_TUNNEL, 0x205 }, /* fr/old */
	{ "Denne tilkoblingen er i bruk og flere forbindelser til denne tilkoblingen er ikke lov.", GW_TUNNEL, 0x205 }, /* no */
	{ "Deze verbinding is op dit moment in gebruik en gelijktijdige toegang is niet toegestaan.", GW_TUNNEL, 0x205 }, /* nl */
	{ "Diese Verbindung ist in Verwendung, ein konkurrierender Zugriff ist nicht gestattet.", GW_TUNNEL, 0x205 }, /* de/old */
	{ "Essa conexão está atualmente em uso e o acesso concorrente a ela não é permitido.", GW_TUNNEL, 0x205 }, /* pt */
	{ "Esta conexión esta actualmente en uso y el acceso concurrente a la misma no está permitido.", GW_TUNNEL, 0x205 }, /* es */
	{ "Questa connessione è già in uso, non sono possibili accessi concorrenti.", GW_TUNNEL, 0x205 }, /* it */
	{ "This connection is currently in use, and concurrent access to this connection is not allowed.", GW_TUNNEL, 0x205 }, /* en */
	{ "To połączenie jest aktualnie w użyciu oraz jednoczesny dostęp dla tego połączenia nie jest dozwolony.", GW_TUNNEL, 0x205 }, /* pl */
	{ "Toto připojení je právě používáno a vícenásobný přístup k tomuto připojení není povolen.", GW_TUNNEL, 0x205 }, /* cs */
	{ "Соединение в настоящий момент занято и доступ к этому соединению не разрешен.", GW_TUNNEL, 0x205 }, /* ru */
	{ "Соединение в настоящий момент занято, и доступ к этому соединению не разрешен.", GW_TUNNEL, 0x205 }, /* old */
	{ "この接続は現在使用中です。", GW_TUNNEL, 0x205 }, /* ja */
	{ "本连接正在使用中，并且不允许共享连接。", GW_TUNNEL, 0x205 }, /* zh */
	{ "이 연결은 현재 사용 중이며 이 연결에 대한 동시 액세스가 허용되지 않습니다.", GW_TUNNEL, 0x205 }, /* ko */
	{ "A estação remota não pode ser encontrada.", GW_CLIENT, 0x207 }, /* pt */
	{ "Der entfernte Computer ist gegenwärtig nicht erreichbar.", GW_CLIENT, 0x207 }, /* de */
	{ "El servidor d'escriptori remot actualment no es pot aconseguir.", GW_CLIENT, 0x207 }, /* ca */
	{ "Le server distant est inaccessible.", GW_CLIENT, 0x207 }, /* old */
	{ "Le serveur distant est inaccessible.", GW_CLIENT, 0x207 }, /* fr */
	{ "Server vzdálené plochy je aktuálně nedostupný.", GW_CLIENT, 0x207 }, /* cs */
	{ "The remote desktop server is currently unreachable.", GW_CLIENT, 0x207 }, /* en */
	{ "Uzak masaüstü sunucusuna şu an erişilemiyor.", GW_CLIENT, 0x207 }, /* tr */
	{ "Сервер удаленных рабочих столов недосягаем.", GW_CLIENT, 0x207 }, /* ru */
	{ "現在リモートデスクトップサーバーにアクセスできません。", GW_CLIENT, 0x207 }, /* ja */
	{ "联系不上远程桌面服务器。", GW_CLIENT, 0x207 }, /* old */
	{ "远程桌面服务器不可达。", GW_CLIENT, 0x207 }, /* zh */
	{ "원격 데스크톱 서버에 현재 연결할 수 없습니다.", GW_CLIENT, 0x207 }, /* ko */
	{ "Der Guacamole Server ist gegenwärtig nicht erreichbar.", GW_TUNNEL, 0x207 }, /* de */
	{ "El servidor Guacamole no es pot accedir actualment.", GW_TUNNEL, 0x207 }, /* ca */
	{ "El servidor Guacamole no esta disponible actualmente.", GW_TUNNEL, 0x207 }, /* es/old */
	{ "Guacamole sunucusuna şu anda erişilemiyor.", GW_TUNNEL, 0x207 }, /* tr */
	{ "Guacamole 서버에 현재 접근할 수 없습니다.", GW_TUNNEL, 0x207 }, /* ko */
	{ "Le serveur Guacamole n'est pas actuellement accessible.", GW_TUNNEL, 0x207 }, /* fr/old */
	{ "O servidor de Guacamole não está acessível neste momento.", GW_TUNNEL, 0x207 }, /* pt */
	{ "Server Guacamole není v současné době dostupný.", GW_TUNNEL, 0x207 }, /* cs */
	{ "Serwer Guacamole jest aktualnie nieosiągalny.", GW_TUNNEL, 0x207 }, /* pl */
	{ "The Guacamole server is not currently reachable.", GW_TUNNEL, 0x207 }, /* en */
	{ "Сервер Guacamole на данный момент недоступен.", GW_TUNNEL, 0x207 }, /* ru */
	{ "現在Guacamoleサーバーにアクセスできません。", GW_TUNNEL, 0x207 }, /* ja */
	{ "联系不上 Guacamole 服务器。", GW_TUNNEL, 0x207 }, /* zh */
	{ "联系不上Guacamole服务器。", GW_TUNNEL, 0x207 }, /* old */
	{ "A estação remota não está disponível no momento.", GW_CLIENT, 0x208 }, /* pt */
	{ "Actualment el servidor d'escriptori remot no està disponible.", GW_CLIENT, 0x208 }, /* ca */
	{ "Der entfernte Computer ist gegenwärtig nicht verfügbar.", GW_CLIENT, 0x208 }, /* de */
	{ "Le server distant est indisponible.", GW_CLIENT, 0x208 }, /* old */
	{ "Le serveur distant est indisponible.", GW_CLIENT, 0x208 }, /* fr */
	{ "Server vzdálené plochy není aktuálně k dispozici.", GW_CLIENT, 0x208 }, /* cs */
	{ "The remote desktop server is currently unavailable.", GW_CLIENT, 0x208 }, /* en */
	{ "Uzak masaüstü sunucusu şu an müsait değil.", GW_CLIENT, 0x208 }, /* tr */
	{ "Сервер удаленных рабочих столов недоступен.", GW_CLIENT, 0x208 }, /* ru */
	{ "リモートデスクトップサーバーは現在利用できません。", GW_CLIENT, 0x208 }, /* ja */
	{ "远程桌面服务器不在线。", GW_CLIENT, 0x208 }, /* old/zh */
	{ "원격 데스크톱 서버를 현재 사용 할 수 없습니다.", GW_CLIENT, 0x208 }, /* ko */
	{ "Der Guacamole Server ist gegenwärtig nicht verfügbar.", GW_TUNNEL, 0x208 }, /* de */
	{ "El servidor Guacamole no accepta connexions.", GW_TUNNEL, 0x208 }, /* ca */
	{ "El servidor Guacamole no está aceptando conexiones.", GW_TUNNEL, 0x208 }, /* es/old */
	{ "Guacamole sunucusu bağlantıları kabul etmiyor.", GW_TUNNEL, 0x208 }, /* tr */
	{ "Guacamole 服务器不接受连接请求。", GW_TUNNEL, 0x208 }, /* zh */
	{ "Guacamole 서버가 연결을 허용하지 않습니다.", GW_TUNNEL, 0x208 }, /* ko */
	{ "Guacamoleサーバーは接続を受け付けていません。", GW_TUNNEL, 0x208 }, /* ja */
	{ "Guacamole服务器不接受连接请求。", GW_TUNNEL, 0x208 }, /* old */
	{ "Le serveur Guacamole n'accepte pas les connexions.", GW_TUNNEL, 0x208 }, /* fr */
	{ "O servidor de Guacamole não está aceitando conexões.", GW_TUNNEL, 0x208 }, /* pt */
	{ "Server Guacamole nepřijímá připojení.", GW_TUNNEL, 0x208 }, /* cs */
	{ "Serwer Guacamole nie akceptuje połączeń.", GW_TUNNEL, 0x208 }, /* pl */
	{ "The Guacamole server is not accepting connections.", GW_TUNNEL, 0x208 }, /* en */
	{ "Сервер Guacamole не принимает соединения.", GW_TUNNEL, 0x208 }, /* ru */
	{ "A estação remota encerrou a conexão devido a conflitos com outra conexão.", GW_CLIENT, 0x209 }, /* pt */
	{ "Der entfernte Computer hat die Verbindung geschlossen, da sie mit einer anderen Verbindung in Konflikt steht.", GW_CLIENT, 0x209 }, /* de */
	{ "El servidor d'escriptori remot ha tancat la connexió perquè entra en conflicte amb una altra connexió.", GW_CLIENT, 0x209 }, /* ca */
	{ "El servidor de escritorio remoto ha cerrado la conexión porque hay conflicto con otra conexión.", GW_CLIENT, 0x209 }, /* es */
	{ "Le serveur distant a fermé la connexion car elle est en conflit avec une autre.", GW_CLIENT, 0x209 }, /* fr */
	{ "Server vzdálené plochy ukončil připojení, protože je v konfliktu s jiným připojením.", GW_CLIENT, 0x209 }, /* cs */
	{ "Serwer zdalnego pulpitu zamknął połączenie, ponieważ koliduje z innym połączeniem.", GW_CLIENT, 0x209 }, /* pl */
	{ "The remote desktop server has closed the connection because it conflicts with another connection.", GW_CLIENT, 0x209 }, /* en */
	{ "Uzak masaüstü sunucusu bağlantıyı kapattı çünkü bir başka bağlantı ile çakışıyor.", GW_CLIENT, 0x209 }, /* tr */
	{ "Сервер удаленных рабочих столов закрыл соединение, так как оно конфликтует с другим соединением.", GW_CLIENT, 0x209 }, /* ru */
	{ "リモートデスクトップサーバーが他の接続と競合しています。", GW_CLIENT, 0x209 }, /* ja */
	{ "因与另一个连接冲突，远程桌面服务器关闭了本连接。", GW_CLIENT, 0x209 }, /* zh */
	{ "다른 연결과 충돌해서 원격 데스크톱 서버가 연결을 닫았습니다.", GW_CLIENT, 0x209 }, /* ko */
	{ "A estação remota encerrou a conexão pois a mesma parecia estar inativa.", GW_CLIENT, 0x20A }, /* pt */
	{ "Der entfernte Computer hat die Verbindung geschlossen, da sie als inaktiv erkannt wurde.", GW_CLIENT, 0x20A }, /* de */
	{ "El servidor d'escriptori remot ha tancat la connexió perquè sembla que no està activat.", GW_CLIENT, 0x20A }, /* ca */
	{ "El servidor de escritorio remoto ha cerrado la conexión porque parece estar inactivo.", GW_CLIENT, 0x20A }, /* es */
	{ "Le serveur distant a fermé la connexion car elle semblait être inactive.", GW_CLIENT, 0x20A }, /* fr */
	{ "Le serveur distant a fermé la connexion car il semblait être inactive.", GW_CLIENT, 0x20A }, /* old */
	{ "Server vzdálené plochy ukončil připojení, protože se zdálo být neaktivní.", GW_CLIENT, 0x20A }, /* cs */
	{ "Serwer zdalnego pulpitu zamknął połączenie, ponieważ wydaje się być nieaktywne.", GW_CLIENT, 0x20A }, /* pl */
	{ "The remote desktop server has closed the connection because it appeared to be inactive.", GW_CLIENT, 0x20A }, /* en */
	{ "Uzak masaüstü sunucusu bağlantıyı kapattı çünkü bağlantı faal görünmüyordu.", GW_CLIENT, 0x20A }, /* tr */
	{ "Сервер удаленных рабочих столов закрыл соединение, так как оно долгое время было неактивно.", GW_CLIENT, 0x20A }, /* ru */
	{ "リモートデスクトップサーバーが停止しているため接続を閉じました。", GW_CLIENT, 0x20A }, /* ja */
	{ "因长时间没有活动，远程桌面服务器关闭了本连接。", GW_CLIENT, 0x20A }, /* zh */
	{ "원격 데스크톱이 비활성화 상태로 보이기 때문에 서버 연결을 닫았습니다.", GW_CLIENT, 0x20A }, /* ko */
	{ "A estação remota encerrou a conexão forçadamente.", GW_CLIENT, 0x20B }, /* pt */
	{ "Der entfernte Computer hat die Verbindung geschlossen.", GW_CLIENT, 0x20B }, /* de */
	{ "El servidor d'escriptori remot ha tancat força la connexió.", GW_CLIENT, 0x20B }, /* ca */
	{ "El servidor de escritorio remoto ha forzado el cierre de la conexión.", GW_CLIENT, 0x20B }, /* es */
	{ "Le serveur distant a forcé la fermeture de la connexion.", GW_CLIENT, 0x20B }, /* fr/old */
	{ "Server vzdálené plochy násilně uzavřel připojení.", GW_CLIENT, 0x20B }, /* cs */
	{ "Serwer zdalnego pulpitu wymusił zamknięcie połączenia.", GW_CLIENT, 0x20B }, /* pl */
	{ "The remote desktop server has forcibly closed the connection.", GW_CLIENT, 0x20B }, /* en */
	{ "Uzak masaüstü sunucusu bağlantıyı zorla kapattı.", GW_CLIENT, 0x20B }, /* tr */
	{ "Сервер удаленных рабочих столов закрыл соединение принудительно.", GW_CLIENT, 0x20B }, /* ru */
	{ "リモートデスクトップサーバーが強制的に接続を切断しました。", GW_CLIENT, 0x20B }, /* ja */
	{ "远程桌面服务器强制关闭了本连接。", GW_CLIENT, 0x20B }, /* old/zh */
	{ "원격 데스크톱 서버가 강제로 연결을 끊었습니다.", GW_CLIENT, 0x20B }, /* ko */
	{ "Anmeldung Fehlgeschlagen.", GW_CLIENT, 0x301 }, /* de/old */
	{ "Autenticazione fallita.", GW_CLIENT, 0x301 }, /* it */
	{ "Connexion echouée.", GW_CLIENT, 0x301 }, /* old */
	{ "Connexion échouée.", GW_CLIENT, 0x301 }, /* fr */
	{ "Erro de autenticação.", GW_CLIENT, 0x301 }, /* pt */
	{ "Giriş başarısız oldu.", GW_CLIENT, 0x301 }, /* tr */
	{ "Ha fallat la sessió.", GW_CLIENT, 0x301 }, /* ca */
	{ "Inicio fallido.", GW_CLIENT, 0x301 }, /* es */
	{ "Inloggen is mislukt.", GW_CLIENT, 0x301 }, /* nl */
	{ "Innlogging feilet.", GW_CLIENT, 0x301 }, /* no */
	{ "Log in failed.", GW_CLIENT, 0x301 }, /* en */
	{ "Logowanie nieudane.", GW_CLIENT, 0x301 }, /* pl */
	{ "Přihlášení selhalo.", GW_CLIENT, 0x301 }, /* cs */
	{ "Не удалось выполнить вход.", GW_CLIENT, 0x301 }, /* ru */
	{ "ログインに失敗しました。", GW_CLIENT, 0x301 }, /* ja */
	{ "登录失败。", GW_CLIENT, 0x301 }, /* old/zh */
	{ "로그인이 실패했습니다.", GW_CLIENT, 0x301 }, /* ko */
	{ "Bu bağlantıya erişim izniniz yok çünkü oturum açmadınız.", GW_TUNNEL, 0x301 }, /* tr */
	{ "Du har ikke tilgang til denne tilkoblingen fordi du er ikke pålogget.", GW_TUNNEL, 0x301 }, /* no */
	{ "Nemáte oprávnění k přístupu k tomuto připojení, protože nejste přihlášeni.", GW_TUNNEL, 0x301 }, /* cs */
	{ "Nie masz dostępu do tego połączenia, ponieważ nie jesteś zalogowany.", GW_TUNNEL, 0x301 }, /* pl */
	{ "No teniu permís per accedir a aquesta connexió perquè no esteu registrat.", GW_TUNNEL, 0x301 }, /* ca */
	{ "No tiene permiso para acceder a esta conexión porque no ha iniciado sesión.", GW_TUNNEL, 0x301 }, /* es */
	{ "Non hai i permessi per accedere a questa connessione perchè non hai effettuato il login.", GW_TUNNEL, 0x301 }, /* it */
	{ "U heeft geen toestemming deze verbinding te gebruiken omdat u niet ingelogd bent.", GW_TUNNEL, 0x301 }, /* nl */
	{ "Você não tem permissão para acessar essa conexão porque você não está logado.", GW_TUNNEL, 0x301 }, /* pt */
	{ "Vous n'avez pas le droit d'accéder à cette connexion car vous n'êtes pas connecté.", GW_TUNNEL, 0x301 }, /* fr */
	{ "You do not have permission to access this connection because you are not logged in.", GW_TUNNEL, 0x301 }, /* en */
	{ "У вас нет разрешения для доступа к этому соединению, так как вы не выполнили вход.", GW_TUNNEL, 0x301 }, /* ru */
	{ "あなたはログインしていないため、この接続にアクセスする権限がありません。", GW_TUNNEL, 0x301 }, /* ja */
	{ "您还未登录，所以没有使用此连接的权限。", GW_TUNNEL, 0x301 }, /* zh */
	{ "로그인하지 않았기 때문에, 이 연결에 접근할 수 있는 권한이 없습니다.", GW_TUNNEL, 0x301 }, /* ko */
	{ "A estação remota negou o acesso a esta conexão.", GW_CLIENT, 0x303 }, /* pt */
	{ "Du har ikke tilgang til denne forbindelsen.", GW_CLIENT, 0x303 }, /* no */
	{ "El servidor d'escriptori remot ha denegat l'accés a aquesta connexió.", GW_CLIENT, 0x303 }, /* ca */
	{ "El servidor de escritorio remoto ha denegado el acceso a esta conexión.", GW_CLIENT, 0x303 }, /* es/old */
	{ "Server vzdálené plochy odepřel přístup k tomuto připojení.", GW_CLIENT, 0x303 }, /* cs */
	{ "Serwer zdalnego pulpitu nie zezwolił na połączenie.", GW_CLIENT, 0x303 }, /* pl */
	{ "Sie haben keine Berechtigung auf diese Verbindung zuzugreifen.", GW_CLIENT, 0x303 }, /* de/old */
	{ "The remote desktop server has denied access to this connection.", GW_CLIENT, 0x303 }, /* en */
	{ "U heeft geen toestemming om deze verbinding tot stand te brengen.", GW_CLIENT, 0x303 }, /* nl */
	{ "Uzak masaüstü sunucusu bu bağlantıya erişim izni vermedi.", GW_CLIENT, 0x303 }, /* tr */
	{ "Vous ne disposez pas des permissions pour accéder à cette connexion.", GW_CLIENT, 0x303 }, /* fr */
	{ "Сервер удаленных рабочих столов запретил доступ к этому соединению.", GW_CLIENT, 0x303 }, /* ru */
	{ "リモートデスクトップサーバーがこの接続へのアクセスを拒否しました。", GW_CLIENT, 0x303 }, /* ja */
	{ "远程桌面服务器拒绝了本连接。", GW_CLIENT, 0x303 }, /* zh */
	{ "원격 데스크톱 서버가 이 연결에 대한 액세스를 거부했습니다.", GW_CLIENT, 0x303 }, /* ko */
	{ "Non hai i permessi per accedere a questa connessione.", GW_EITHER, 0x303 }, /* it */
	{ "You do not have permission to access this connection.", GW_EITHER, 0x303 }, /* en/old */
	{ "У вас нет разрешения для доступа к этому соединению.", GW_EITHER, 0x303 }, /* old/ru */
	{ "Bu bağlantıya erişim izniniz bulunmuyor.", GW_TUNNEL, 0x303 }, /* tr */
	{ "Du har ikke tilgang til denne tilkoblingen.", GW_TUNNEL, 0x303 }, /* no */
	{ "Nemáte oprávnění k přístupu k tomuto připojení.", GW_TUNNEL, 0x303 }, /* cs */
	{ "Nie masz uprawnień do tego połączenia.", GW_TUNNEL, 0x303 }, /* pl */
	{ "No teniu permís per accedir a aquesta connexió.", GW_TUNNEL, 0x303 }, /* ca */
	{ "No tiene permiso para acceder a esta conexión.", GW_TUNNEL, 0x303 }, /* es/old */
	{ "U heeft geen toestemming deze verbinding te gebruiken.", GW_TUNNEL, 0x303 }, /* nl */
	{ "Você não tem permissão para acessar essa conexão.", GW_TUNNEL, 0x303 }, /* pt */
	{ "Vous n'avez pas le droit d'accéder à cette connexion.", GW_TUNNEL, 0x303 }, /* fr/old */
	{ "この接続にアクセスする権限がありません。", GW_TUNNEL, 0x303 }, /* ja */
	{ "您没有使用此连接的权限。", GW_TUNNEL, 0x303 }, /* zh */
	{ "이 연결에 접근할 수 있는 권한이 없습니다.", GW_TUNNEL, 0x303 }, /* ko */
	{ "Die Verbindung wurde durch den Guacamole Server geschlossen da keine aktive Interkommukaion mit dem Browser besteht.", GW_CLIENT, 0x308 }, /* old */
	{ "El servidor Guacamole ha cerrado la conexión porque no ha habido respuesta del navegador por tiempo suficiente como para asumir que está desconectado.", GW_CLIENT, 0x308 }, /* es */
	{ "El servidor de Guacamole ha tancat la connexió perquè no hi ha resposta del navegador durant el temps suficient perquè sembli que es trobava desconnectat.", GW_CLIENT, 0x308 }, /* ca */
	{ "Guacamole har lukket forbindelsen fordi nettleseren din ikke har svart og virker frakoblet.", GW_CLIENT, 0x308 }, /* no */
	{ "ブラウザからの応答が十分でないため、Guacamoleサーバーが接続を切断しました。", GW_CLIENT, 0x308 }, /* ja */
	{ "브라우저에서 연결이 끊긴 것처럼 보일 정도로 오랫동안 응답이 없었기 때문에 Guacamole 서버가 연결을 닫았습니다.", GW_CLIENT, 0x308 }, /* ko */
	{ "De Guacamole server heeft de sessie gesloten omdat uw browser zo lang niet heeft gereageerd dat het er op leek dat uw verbinding verbroken was.", GW_EITHER, 0x308 }, /* nl */
	{ "Die Verbindung wurde durch den Guacamole Server geschlossen da keine aktive Interkommunikation mit dem Browser besteht.", GW_EITHER, 0x308 }, /* de */
	{ "Guacamole sunucusu bağlantıyı kapattı çünkü tarayıcınızdan bağlantının koptuğu düşünülecek kadar uzun bir süre yanıt gelmedi.", GW_EITHER, 0x308 }, /* tr */
	{ "Il server Guacamole ha chiuso la connessione perchè il tuo browser non ha risposto per troppo tempo e sembrava essersi disconnesso.", GW_EITHER, 0x308 }, /* it */
	{ "Le serveur Guacamole a fermé la connexion car il n'y avait pas de réponse de votre navigateur Internet et qu'il l'a considéré comme déconnecté.", GW_EITHER, 0x308 }, /* fr */
	{ "O servidor do Guacamole encerrou a conexão porque não houve resposta do seu navegador por tempo suficiente para parecer desconectado.", GW_EITHER, 0x308 }, /* pt */
	{ "Server Guacamole ukončil spojení, protože z vašeho prohlížeče nebyla dostatečně dlouhá odezva, aby se zdálo, že je stále připojen.", GW_EITHER, 0x308 }, /* cs */
	{ "Serwer Guacamole zamknął połączenie, ponieważ nie otrzymał odpowiedzi od Twojej przeglądarki przez zbyt długi czas.", GW_EITHER, 0x308 }, /* pl */
	{ "The Guacamole server has closed the connection because there has been no response from your browser for long enough that it appeared to be disconnected.", GW_EITHER, 0x308 }, /* en */
	{ "Сервер Guacamole закрыл соединение, так как браузер не ответил в течение отведенного времени.", GW_EITHER, 0x308 }, /* ru */
	{ "因为您的浏览器长时间没有应答，Guacamole 服务器关闭了本连接。", GW_EITHER, 0x308 }, /* zh */
	{ "因为您的浏览器长时间没有应答，Guacamole服务器关闭了本连接。", GW_EITHER, 0x308 }, /* old */
	{ "El servidor Guacamole ha cerrado la conexión porque ho ha habido respuesta desde el navegador por tiempo suficiente como para asumir que está desconectado.", GW_TUNNEL, 0x308 }, /* es */
	{ "El servidor de Guacamole ha tancat la connexió perquè no hi ha hagut resposta del seu navegador durant el temps suficient com perquè sembli estar desconnectat.", GW_TUNNEL, 0x308 }, /* ca */
	{ "Guacamole har lukket forbindelsen fordi nettleseren din ikke svarer og virker frakoblet.", GW_TUNNEL, 0x308 }, /* no */
	{ "ブラウザからの応答がないため、Guacamoleサーバーが接続を切断しました。", GW_TUNNEL, 0x308 }, /* ja */
	{ "브라우저에서 연결이 끊긴 것처럼 보일 정도로 오랫동안 응답이 없었기 때문에 Guacamole server가 연결을 닫았습니다.", GW_TUNNEL, 0x308 }, /* ko */
	{ "Der Zugang zu dieser Verbindung wurde durch den Guacamole Server verweigert, da die maximale Anzahl der gleichzeitigen Zugiffe für diese Verbindung für einen einzelnen Benutzer erreicht wurde.", GW_CLIENT, 0x31D }, /* old */
	{ "Der Zugang zu dieser Verbindung wurde durch den Guacamole Server verweigert, da die maximale Anzahl der gleichzeitigen Zugriffe für diese Verbindung für einen einzelnen Benutzer erreicht wurde.", GW_CLIENT, 0x31D }, /* de */
	{ "El servidor Guacamole está denegando el acceso a esta conexión porque ha agotado el límite de conexiones simultaneas por usuario.", GW_CLIENT, 0x31D }, /* es */
	{ "Le serveur Guacamole interdit les connexions car vous avez dépassé la limite de connexion simultanée par utilisateur.", GW_CLIENT, 0x31D }, /* fr/old */
	{ "개별 사용자의 동시 연결 사용 제한을 초과했기 때문에 Guacamole 서버가 이 연결에 대한 액세스를 거부했습니다.", GW_CLIENT, 0x31D }, /* ko */
	{ "De Guacamole server geeft geen toegang tot deze verbinding omdat u de limiet heeft bereikt van het aantal toegestane gelijktijdige verbindingen door een individuele gebruiker.", GW_EITHER, 0x31D }, /* nl */
	{ "El servidor Guacamole denega l'accés a aquesta connexió perquè heu exhaurit el límit per a l'ús de la connexió simultània per part d'un usuari individual.", GW_EITHER, 0x31D }, /* ca */
	{ "Guacamole nekter tilgang til denne forbindelsen fordi du har brukt opp maks antall samtidige forbindelser for en bruker.", GW_EITHER, 0x31D }, /* no */
	{ "Guacamole sunucusu bu bağlantıya erişimi reddediyor çünkü tekil bir kullanıcı tarafından kullanılabilecek eş zamanlı bağlantı sınırını aştınız.", GW_EITHER, 0x31D }, /* tr */
	{ "Il server Guacamole rifiuta l'accesso alla connessione perchè hai raggiunto il limite massimo di connessioni simultanee per singolo utente.", GW_EITHER, 0x31D }, /* it */
	{ "O servidor do Guacamole está negando acesso a esta conexão porque você esgotou o limite de uso de conexões simultâneas para um único usuário.", GW_EITHER, 0x31D }, /* pt */
	{ "Server Guacamole odepřel přístup k tomuto připojení, protože jste vyčerpali limit pro vícenásobné připojení tímto uživatelem.", GW_EITHER, 0x31D }, /* cs */
	{ "Serwer Guacamole nie zezwolił na połączenie, ponieważ wykorzystałeś limit jednoczesnych połączeń dla pojedynczego użytkownika.", GW_EITHER, 0x31D }, /* pl */
	{ "The Guacamole server is denying access to this connection because you have exhausted the limit for simultaneous connection use by an individual user.", GW_EITHER, 0x31D }, /* en */
	{ "Сервер Guacamole отклонил доступ к соединению, так как вы превысили максимальное количество одновременных подключений.", GW_EITHER, 0x31D }, /* old/ru */
	{ "同時接続の使用制限に達したため、Guacamoleサーバーはこの接続へのアクセスを拒否しています。", GW_EITHER, 0x31D }, /* ja */
	{ "因为您已超出了单一用户可同时使用的连接数量，Guacamole 服务器拒绝了本连接。", GW_EITHER, 0x31D }, /* zh */
	{ "因为您已超出了单一用户可同时使用的连接数量，Guacamole服务器拒绝了本连接。", GW_EITHER, 0x31D }, /* old */
	{ "Der Zugang zu dieser Verbindung wurde durch den Guacamole Server verweigert, da die maximale Anzahl der gleichzeitigen Zugiffe für einen einzelnen Benutzer erreicht wurde.", GW_TUNNEL, 0x31D }, /* old */
	{ "Der Zugang zu dieser Verbindung wurde durch den Guacamole Server verweigert, da die maximale Anzahl der gleichzeitigen Zugriffe für einen einzelnen Benutzer erreicht wurde.", GW_TUNNEL, 0x31D }, /* de/old */
	{ "El servidor Guacamole esta denegando el acceso a esta conexión porque ha agotado el límite de conexiones simultaneas por usuario.", GW_TUNNEL, 0x31D }, /* es */
	{ "Le serveur Guacamole interdit cette connexion car vous avez dépassé la limite de connexions simultanées par utilisateur.", GW_TUNNEL, 0x31D }, /* fr/old */
	{ "개별 사용자의 동시 연결 사용 제한을 초과했기 때문에 Guacamole server가 이 연결에 대한 액세스를 거부하고 있습니다.", GW_TUNNEL, 0x31D }, /* ko */
	{ "Det har oppstått en intern feil i Guacamole og forbindelsen er terminert.", GW_CLIENT, 0 }, /* no */
	{ "Guacamoleサーバ内で内部エラーが発生し、接続が終了しました。", GW_CLIENT, 0 }, /* ja */
	{ "Si è verificato un errore interno sul server Guacamole, la connessione è stata terminata.", GW_CLIENT, 0 }, /* it */
	{ "An internal error has occurred within the Guacamole server, and the connection has been terminated.", GW_EITHER, 0 }, /* en */
	{ "Die Verbindung wurde aufgrund eines interen Fehlers im Guacamole Server beendet.", GW_EITHER, 0 }, /* old */
	{ "Die Verbindung wurde aufgrund eines internen Fehlers im Guacamole Server beendet.", GW_EITHER, 0 }, /* de */
	{ "Een interne fout is opgetreden op de Guacamole server en de connectie is beeindigd.", GW_EITHER, 0 }, /* nl */
	{ "Guacamole sunucusunda bir iç hata oluştu ve bağlantı sonlandırıldı.", GW_EITHER, 0 }, /* tr */
	{ "Guacamole 서버 내에서 내부 오류가 발생해서 연결이 종료되었습니다.", GW_EITHER, 0 }, /* ko */
	{ "Ha ocurrido un error interno en el servidor Guacamole y la conexión ha finalizado.", GW_EITHER, 0 }, /* es/old */
	{ "S'ha produït un error intern al servidor Guacamole i s'ha acabat la connexió.", GW_EITHER, 0 }, /* ca */
	{ "Si è verificato un errore interno sul server Guacamole, e la connessione è stata terminata.", GW_EITHER, 0 }, /* it/old */
	{ "Um erro interno ocorreu no servidor do Guacamole e a conexão foi finalizada.", GW_EITHER, 0 }, /* pt */
	{ "Une erreur interne est apparue dans le serveur Guacamole et la connexion a été fermée.", GW_EITHER, 0 }, /* fr */
	{ "V rámci serveru Guacamole došlo k interní chybě a připojení bylo ukončeno.", GW_EITHER, 0 }, /* cs */
	{ "Wystąpił błąd wewnętrzny serwera Guacamole i połączenie zostało zakończone.", GW_EITHER, 0 }, /* pl */
	{ "Соединение было прервано из-за внутренней ошибки сервера Guacamole.", GW_EITHER, 0 }, /* ru */
	{ "Соединение было прервано из-за внутренней ошибки сервера.", GW_EITHER, 0 }, /* old */
	{ "本连接因为 Guacamole 服务器出现了内部错误而被终止。", GW_EITHER, 0 }, /* zh */
	{ "本连接因为Guacamole服务器出现了内部错误而被终止。", GW_EITHER, 0 }, /* old */
	{ "En intern feil har oppstått i Guacamole og forbindelsen er terminert.", GW_TUNNEL, 0 }, /* no */
	{ "Guacamoleサーバー内で内部エラーが発生し、接続が終了しました。", GW_TUNNEL, 0 }, /* ja */
};

/* JumpServer's Lion (its web RDP on guacd): its own texts (jumpserver/jumpserver apps/i18n/lion/
 * en.json 02fc0453, zh.json 1b71b585, zh_Hant.json 0c00fa58, ja.json 2c8d463b), picked by the
 * status code for a few codes, else by guacd's message (lion ui/src/hooks/useGuacamoleClient.ts:
 * 602-628, ui/src/utils/status.ts): those are read as guacd's message is. */
static const struct
{
	const char* text;
	const char* guacd; /* guacd's message it translates, or NULL */
	unsigned code;     /* else the status it is shown for */
} lion[] = {
	/* by Guacamole status code (Lion's ui/src/utils/status.ts): 0x0301, 0x0209, 0x0202, and
	 * 0x0207 up to v4.4 */
	{ "User failed to logged in. (username and password are incorrect)", NULL, 0x301 },
	{ "\u7528\u6237\u540d\u548c\u5bc6\u7801\u8ba4\u8bc1\u9519\u8bef\uff0c\u767b\u5f55\u5931\u8d25", NULL, 0x301 },
	{ "\u4f7f\u7528\u8005\u540d\u7a31\u548c\u5bc6\u78bc\u8a8d\u8b49\u932f\u8aa4\uff0c\u767b\u9304\u5931\u6557", NULL, 0x301 },
	{ "\u30e6\u30fc\u30b6\u30fc\u540d\u3068\u30d1\u30b9\u30ef\u30fc\u30c9\u306e\u8a8d\u8a3c\u30a8\u30e9\u30fc", NULL, 0x301 },
	{ "The session has ended because it conflicts with another session.", NULL, 0x209 },
	{ "\u56e0\u4e0e\u53e6\u4e00\u4e2a\u8fde\u63a5\u51b2\u7a81\uff0c\u8fdc\u7a0b\u684c\u9762\u670d\u52a1\u5668\u5173\u95ed\u4e86\u672c\u8fde\u63a5", NULL, 0x209 },
	{ "\u56e0\u8207\u53e6\u4e00\u500b\u9023\u63a5\u885d\u7a81\uff0c\u9060\u7a0b\u684c\u9762\u4f3a\u670d\u5668\u95dc\u9589\u4e86\u672c\u9023\u63a5", NULL, 0x209 },
	{ "The remote desktop server is not responding.", NULL, 0x202 },
	{ "\u8fdc\u7a0b\u684c\u9762\u670d\u52a1\u5668\u65e0\u54cd\u5e94", NULL, 0x202 },
	{ "\u9060\u7a0b\u684c\u9762\u4f3a\u670d\u5668\u7121\u97ff\u61c9", NULL, 0x202 },
	{ "The remote desktop server does not appear to exist, or cannot be reached over the network.", NULL, 0x207 },
	{ "\u65e0\u6cd5\u8fde\u63a5\u5230\u8fdc\u7a0b\u684c\u9762\u670d\u52a1\u5668\uff08\u7f51\u7edc\u4e0d\u53ef\u8fbe", NULL, 0x207 },
	{ "\u7121\u6cd5\u9023\u63a5\u5230\u9060\u7a0b\u684c\u9762\u4f3a\u670d\u5668\uff08\u7db2\u8def\u4e0d\u53ef\u9054", NULL, 0x207 },
	/* by guacd's message (Lion v3.5.0 on: GuacamoleErrMsg), zh and zh_Hant */
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684 SSL/TLS \u8fde\u63a5\u5931\u8d25", "SSL/TLS connection failed", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684 SSL/TLS \u9023\u63a5\u5931\u6557", "SSL/TLS connection failed", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684 DNS \u67e5\u8be2\u5931\u8d25", "DNS lookup failed", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684 DNS \u67e5\u8a62\u5931\u6557", "DNS lookup failed", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u670d\u52a1\u5668\u62d2\u7edd\u8fde\u63a5\uff0c\u53ef\u80fd\u5b89\u5168\u7c7b\u578b\u4e0d\u5339\u914d", "Server refused connection (wrong security type?)", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u4f3a\u670d\u5668\u62d2\u7d55\u9023\u63a5\uff0c\u53ef\u80fd\u5b89\u5168\u985e\u578b\u4e0d\u5339\u914d", "Server refused connection (wrong security type?)", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u670d\u52a1\u5668\u62d2\u7edd\u8fde\u63a5", "Server refused connection.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u4f3a\u670d\u5668\u62d2\u7d55\u9023\u63a5", "Server refused connection.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u5931\u8d25", "Connection failed (server unreachable?)", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u5931\u6557", "Connection failed (server unreachable?)", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u51ed\u8bc1\u8fc7\u671f", "Credentials expired.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u6191\u8b49\u904e\u671f", "Credentials expired.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u8bbf\u95ee\u88ab\u62d2\u7edd", "Access denied by server", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u8a2a\u554f\u88ab\u62d2\u7d55", "Access denied by server", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u7528\u6237\u6743\u9650\u4e0d\u8db3", "Insufficient privileges.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u7528\u6236\u6b0a\u9650\u4e0d\u8db3", "Insufficient privileges.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u670d\u52a1\u5668\u53d1\u751f\u9519\u8bef", "Upstream error.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u4f3a\u670d\u5668\u767c\u751f\u932f\u8aa4", "Upstream error.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u7a7a\u95f2\u65f6\u95f4\u8d85\u8fc7\u9650\u5236", "Idle session time limit exceeded.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u7a7a\u9592\u6642\u9593\u8d85\u904e\u9650\u5236", "Idle session time limit exceeded.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u88ab\u5f3a\u5236\u65ad\u5f00", "Forcibly disconnected.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u88ab\u5f37\u5236\u65b7\u958b", "Forcibly disconnected.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u7528\u6237\u5df2\u6ce8\u9500", "Logged off.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u7528\u6236\u5df2\u8a3b\u92b7", "Logged off.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u6d3b\u52a8\u65f6\u95f4\u8d85\u8fc7\u9650\u5236", "Active session time limit exceeded.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u6d3b\u52d5\u6642\u9593\u8d85\u904e\u9650\u5236", "Active session time limit exceeded.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u88ab\u5176\u4ed6\u8fde\u63a5\u65ad\u5f00", "Disconnected by other connection.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u88ab\u5176\u4ed6\u9023\u63a5\u65b7\u958b", "Disconnected by other connection.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u5b89\u5168\u534f\u5546\u5931\u8d25", "Security negotiation failed", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u5b89\u5168\u5354\u5546\u5931\u6557", "Security negotiation failed", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u8ba4\u8bc1\u5931\u8d25", "Authentication failure (invalid credentials?)", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u8a8d\u8b49\u5931\u6557", "Authentication failure (invalid credentials?)", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u88ab\u624b\u52a8\u65ad\u5f00", "Manually disconnected.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u88ab\u624b\u52d5\u65b7\u958b", "Manually disconnected.", 0 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u7684\u7528\u6237\u88ab\u624b\u52a8\u6ce8\u9500", "Manually logged off.", 0 },
	{ "\u9060\u7a0b\u9023\u63a5\u7684\u7528\u6236\u88ab\u624b\u52d5\u8a3b\u92b7", "Manually logged off.", 0 },
};

#endif
