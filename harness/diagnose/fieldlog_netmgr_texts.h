/* fieldlog_netmgr_texts.h: NETworkManager's texts of each disconnect reason, in its languages
 * (BornToBeRoot/NETworkManager 07661d8, Source/NETworkManager.Localization/Resources/
 * Strings*.resx, the keys RemoteDesktopControl.xaml.cs:601-688 picks): data, for
 * fieldlog_netmgr.c alone. Each row: the reason, the text (the languages it is in). */
#ifndef RDPREPRO_FIELDLOG_NETMGR_TEXTS_H
#define RDPREPRO_FIELDLOG_NETMGR_TEXTS_H

static const struct
{
	int reason;
	const char* text;
} netmgr[] = {
	{ 0, "Aucune information n'est disponible." }, /* fr-FR */
	{ 0, "Brak dostępnych informacji." }, /* pl-PL */
	{ 0, "Chybí dostupné informace." }, /* cs-CZ */
	{ 0, "Es sind keine Informationen verfügbar." }, /* de-DE */
	{ 0, "Et sinn keng Informatiounen verfügbar." }, /* lb-LU */
	{ 0, "Nenhuma informação disponível" }, /* pt-BR */
	{ 0, "Nessuna informazione disponibile." }, /* it-IT */
	{ 0, "Ni dostopnih podatkov." }, /* sl-SI */
	{ 0, "No hay información disponible." }, /* es-ES */
	{ 0, "No information is available." }, /* en */
	{ 0, "Нет информации." }, /* ru-RU */
	{ 0, "情報はありません。" }, /* ja-JP */
	{ 0, "沒有任何資訊。" }, /* zh-TW */
	{ 0, "사용할 수 있는 정보가 없습니다." }, /* ko-KR */
	{ 1, "Disconnessione locale." }, /* it-IT */
	{ 1, "Déconnexion locale." }, /* fr-FR */
	{ 1, "Local disconnection." }, /* en */
	{ 1, "Rozłączono lokalnie." }, /* pl-PL */
	{ 1, "Локальное отключение." }, /* ru-RU */
	{ 1, "ローカル切断。" }, /* ja-JP */
	{ 1, "当地断开连接。" }, /* zh-CN */
	{ 1, "本機中斷連接。" }, /* zh-TW */
	{ 1, "로컬 연결이 끊어졌습니다." }, /* ko-KR */
	{ 2, "Daljinski odklop uporabnika." }, /* sl-SI */
	{ 2, "Desconexión remota por el usuario." }, /* es-ES */
	{ 2, "Desconexão remota pelo usuário." }, /* pt-BR */
	{ 2, "Disconnessione remota da parte dell'utente." }, /* it-IT */
	{ 2, "Déconnexion à distance par l'utilisateur." }, /* fr-FR */
	{ 2, "Odpojeno vzdáleným uživatelem." }, /* cs-CZ */
	{ 2, "Remote disconnect by user." }, /* en */
	{ 2, "Remote-Trennung duerch de Benotzer." }, /* lb-LU */
	{ 2, "Remote-Trennung durch den Benutzer." }, /* de-DE */
	{ 2, "Zdalne rozłączenie przez użytkownika." }, /* pl-PL */
	{ 2, "Дистанционное отключение пользователя." }, /* ru-RU */
	{ 2, "ユーザーによるリモート切断。" }, /* ja-JP */
	{ 2, "用户主动断开连接。" }, /* zh-CN */
	{ 2, "遠端中斷連線由使用者。" }, /* zh-TW */
	{ 2, "사용자가 원격 연결을 끊습니다." }, /* ko-KR */
	{ 3, "Desconexión remota por servidor." }, /* es-ES */
	{ 3, "Desconexão remota por servidor." }, /* pt-BR */
	{ 3, "Disconnessione remota dal server." }, /* it-IT */
	{ 3, "Déconnexion à distance par le serveur." }, /* fr-FR */
	{ 3, "Oddaljena prekini povezavo s strežnikom." }, /* sl-SI */
	{ 3, "Remote disconnect by server." }, /* en */
	{ 3, "Remote-Trennung duerch de Server." }, /* lb-LU */
	{ 3, "Remote-Trennung durch Server." }, /* de-DE */
	{ 3, "Vzdálené připojení ukončeno serverem." }, /* cs-CZ */
	{ 3, "Zdalne rozłączenie przez serwer." }, /* pl-PL */
	{ 3, "Удаленное отключение сервером." }, /* ru-RU */
	{ 3, "サーバーによるリモート切断。" }, /* ja-JP */
	{ 3, "服务器已断开连接。" }, /* zh-CN */
	{ 3, "遠端中斷連線由伺服器。" }, /* zh-TW */
	{ 3, "서버별 원격 연결 끊기입니다." }, /* ko-KR */
	{ 4, "A sessão remota foi encerrada porque o limite de tempo total de login foi atingido. Este limite é definido pelo administrador do servidor ou pelas políticas de rede." }, /* pt-BR */
	{ 4, "D'Remote-Sessioun gouf beendegt, well d'Gesamt-Umeldungszäitlimit erreecht gouf. Dëst Limit gëtt vum Serveradministrator oder duerch Netzwierkrichtlinne festgeluecht." }, /* lb-LU */
	{ 4, "Die Remote-Sitzung wurde beendet, weil das Gesamtanmeldezeitlimit erreicht wurde. Dieses Limit wird vom Serveradministrator oder durch Netzwerkrichtlinien festgelegt." }, /* de-DE */
	{ 4, "La sesión remota ha finalizado porque se ha alcanzado el límite de tiempo total para inicio de sesión. Este límite lo establece el administrador del servidor o las políticas de red." }, /* es-ES */
	{ 4, "La session à distance s'est terminée car la limite de temps de connexion totale a été atteinte. Cette limite est définie par l'administrateur du serveur ou par les politiques de réseau." }, /* fr-FR */
	{ 4, "La sessione remota è terminata perché è stato raggiunto il limite di tempo di accesso totale. " }, /* it-IT */
	{ 4, "Oddaljena seja se je končala, ker je bila dosežena skupna časovna omejitev za prijavo. To omejitev nastavi skrbnik strežnika ali politike omrežja." }, /* sl-SI */
	{ 4, "Sesja zdalna zakończyła się, ponieważ całkowity czas zalogowania został przekroczony. Ten limit jest ustawiana przez administratora serwera, albo przez reguły sieciowe." }, /* pl-PL */
	{ 4, "The remote session ended because the total login time limit was reached. This limit is set by the server administrator or by network policies." }, /* en */
	{ 4, "ログイン時間制限に達したため、リモートセッションが終了しました。この制限は、サーバー管理者またはネットワークポリシーによって設定されています。" }, /* ja-JP */
	{ 4, "远程会话已结束，因为已达到总登录时间限制。此限制由服务器管理员或网络策略设置。" }, /* zh-CN */
	{ 4, "遠端會話因達到總登入時長上限而結束。此限制由伺服器管理員或網路政策設定。" }, /* zh-TW */
	{ 4, "총 로그인 시간 제한에 도달하여 원격 세션이 종료되었습니다. 이 제한은 서버 관리자 또는 네트워크 정책에 의해 설정됩니다." }, /* ko-KR */
	{ 260, "DNS name lookup failure." }, /* en */
	{ 260, "DNS 名 Lookupに失敗しました。" }, /* ja-JP */
	{ 260, "DNS 名称查询失败。" }, /* zh-CN */
	{ 260, "DNS 名稱查詢失敗。" }, /* zh-TW */
	{ 260, "DNS 이름을 조회하지 못했습니다." }, /* ko-KR */
	{ 260, "DNS-Namensauflösung fehlgeschlagen." }, /* de-DE */
	{ 260, "DNS-Nummopléisung feelgeschloen." }, /* lb-LU */
	{ 260, "Error de búsqueda de nombre DNS." }, /* es-ES */
	{ 260, "Errore nella ricerca del nome DNS." }, /* it-IT */
	{ 260, "Falha na pesquisa de nome DNS." }, /* pt-BR */
	{ 260, "Napaka iskanja imena DNS." }, /* sl-SI */
	{ 260, "Nepodařilo se vyhledat název DNS." }, /* cs-CZ */
	{ 260, "Nieudane wyszukiwanie nazwy DNS." }, /* pl-PL */
	{ 260, "Échec de la recherche de nom DNS." }, /* fr-FR */
	{ 260, "Сбой поиска DNS-имени." }, /* ru-RU */
	{ 262, "Hors de la mémoire." }, /* fr-FR */
	{ 262, "Net genuch Aarbechtsspeicher." }, /* lb-LU */
	{ 262, "Nicht genügend Arbeitsspeicher." }, /* de-DE */
	{ 262, "Zmanjkalo je pomnilnika." }, /* sl-SI */
	{ 262, "Нехватка памяти." }, /* ru-RU */
	{ 262, "メモリ不足です。" }, /* ja-JP */
	{ 262, "메모리가 부족합니다." }, /* ko-KR */
	{ 264, "Connection timed out." }, /* en */
	{ 264, "Connexion interrompue." }, /* fr-FR */
	{ 264, "Povezava je potekla." }, /* sl-SI */
	{ 264, "Tiempo de conexión agotado." }, /* es-ES */
	{ 264, "Timeout della connessione." }, /* it-IT */
	{ 264, "Upłynął limit czasu oczekiwania na połączenie." }, /* pl-PL */
	{ 264, "Vypršel časový limit spojení." }, /* cs-CZ */
	{ 264, "Zeitüberschreitung der Verbindung." }, /* de-DE */
	{ 264, "Zäitiwwerschreidung vun der Verbindung." }, /* lb-LU */
	{ 264, "Истекло время ожидания соединения." }, /* ru-RU */
	{ 264, "接続がタイムアウトしました。" }, /* ja-JP */
	{ 264, "연결 시간이 초과되었습니다." }, /* ko-KR */
	{ 516, "Błąd połączenia Windows Sockets." }, /* pl-PL */
	{ 516, "Chyba připojení Windows Socket." }, /* cs-CZ */
	{ 516, "Conexión de Windows Sockets fallida." }, /* es-ES */
	{ 516, "Connessione Windows Sockets non riuscita." }, /* it-IT */
	{ 516, "Falha na conexão do Windows Sockets." }, /* pt-BR */
	{ 516, "La connexion Windows Sockets a échoué." }, /* fr-FR */
	{ 516, "Povezava vtičnic Windows ni uspela." }, /* sl-SI */
	{ 516, "Windows Sockets connect failed." }, /* en */
	{ 516, "Windows Sockets 連線失敗了。" }, /* zh-TW */
	{ 516, "Windows Sockets-Verbindung ist fehlgeschlagen." }, /* de-DE */
	{ 516, "Windows ソケットの接続に失敗しました。" }, /* ja-JP */
	{ 516, "Windows 套接字连接失败。" }, /* zh-CN */
	{ 516, "Windows 소켓 연결에 실패했습니다." }, /* ko-KR */
	{ 516, "Windows-Sockets-Verbindung feelgeschloen." }, /* lb-LU */
	{ 516, "Сбой подключения Windows Sockets." }, /* ru-RU */
	{ 520, "Gostitelja ni mogoče najti." }, /* sl-SI */
	{ 520, "Host nicht gefunden." }, /* de-DE */
	{ 520, "Host não encontrado." }, /* pt-BR */
	{ 520, "Nie znaleziono hosta." }, /* pl-PL */
	{ 520, "Хост не найден." }, /* ru-RU */
	{ 520, "ホストが見つかりません。" }, /* ja-JP */
	{ 520, "호스트를 찾을 수 없습니다." }, /* ko-KR */
	{ 772, "Błąd wywołania Windows Sockets send." }, /* pl-PL */
	{ 772, "Chiamata di invio Windows Sockets non riuscita." }, /* it-IT */
	{ 772, "Chyba volání Windows Socket send." }, /* cs-CZ */
	{ 772, "De Windows-Sockets-Opruff send ass feelgeschloen." }, /* lb-LU */
	{ 772, "Der Windows Sockets-Aufruf send ist fehlgeschlagen." }, /* de-DE */
	{ 772, "Falha no envio de chamada do Windows Sockets." }, /* pt-BR */
	{ 772, "Klic pošiljanja Windows vtičnic ni uspel." }, /* sl-SI */
	{ 772, "L'appel envoyé par Windows Sockets a échoué." }, /* fr-FR */
	{ 772, "Llamada de envío de Windows Sockets fallida." }, /* es-ES */
	{ 772, "Windows Sockets send call failed." }, /* en */
	{ 772, "Windows Sockets ошибка отправки вызова." }, /* ru-RU */
	{ 772, "Windows Sockets 的 send 呼叫失敗。" }, /* zh-TW */
	{ 772, "Windows ソケットの送信呼び出しに失敗しました。" }, /* ja-JP */
	{ 772, "Windows 套接字 send 调用失败。" }, /* zh-CN */
	{ 772, "Windows 소켓 전송 호출에 실패했습니다." }, /* ko-KR */
	{ 776, "Die angegebene IP-Adresse ist ungültig." }, /* de-DE */
	{ 776, "Déi uginn IP-Adress ass ongülteg." }, /* lb-LU */
	{ 776, "L'adresse IP indiquée n'est pas valide." }, /* fr-FR */
	{ 776, "L'indirizzo IP specificato non è valido." }, /* it-IT */
	{ 776, "La dirección IP especificada no es válida." }, /* es-ES */
	{ 776, "Navedeni naslov IP ni veljaven." }, /* sl-SI */
	{ 776, "O endereço IP especificado não é válido." }, /* pt-BR */
	{ 776, "Podany adres IP jest nieprawidłowy." }, /* pl-PL */
	{ 776, "The IP address specified is not valid." }, /* en */
	{ 776, "Vložená adresa IP je nesprávná." }, /* cs-CZ */
	{ 776, "Указанный IP-адрес недействителен." }, /* ru-RU */
	{ 776, "指定された IP アドレスは無効です。" }, /* ja-JP */
	{ 776, "指定了 IP 位址無效。" }, /* zh-TW */
	{ 776, "指定的IP地址无效。" }, /* zh-CN */
	{ 776, "지정한 IP 주소가 잘못되었습니다." }, /* ko-KR */
	{ 1028, "Błąd wywołania Windows Sockets recv." }, /* pl-PL */
	{ 1028, "Chiamata recv di Windows Sockets non riuscita." }, /* it-IT */
	{ 1028, "Chyba vyvolaná Windows Socket recv." }, /* cs-CZ */
	{ 1028, "De Windows-Sockets-Opruff recv ass feelgeschloen." }, /* lb-LU */
	{ 1028, "Der Windows Sockets-Aufruf recv ist fehlgeschlagen." }, /* de-DE */
	{ 1028, "Falha na chamada de recv dos soquetes do Windows." }, /* pt-BR */
	{ 1028, "Llamada de recuperación de Windows Sockets fallida." }, /* es-ES */
	{ 1028, "Recv klic vtičnic Windows ni uspel." }, /* sl-SI */
	{ 1028, "Windows Sockets recv call failed." }, /* en */
	{ 1028, "Windows Sockets ошибка принятого вызова." }, /* ru-RU */
	{ 1028, "Windows Sockets の recv 呼び出しに失敗しました。" }, /* ja-JP */
	{ 1028, "Windows Sockets 的 recv 呼叫失敗。" }, /* zh-TW */
	{ 1028, "Windows 套接字接收失败。" }, /* zh-CN */
	{ 1028, "Windows 소켓 recv 호출에 실패했습니다." }, /* ko-KR */
	{ 1028, "Échec de l'appel recv de Windows Sockets." }, /* fr-FR */
	{ 1030, "D'Sécherheetsdate sinn ongülteg." }, /* lb-LU */
	{ 1030, "Dane bezpieczeństwa są nieprawidłowe." }, /* pl-PL */
	{ 1030, "Data zabezpečení nejsou správná." }, /* cs-CZ */
	{ 1030, "Données de sécurité ne sont pas valides." }, /* fr-FR */
	{ 1030, "I dati di sicurezza non sono validi." }, /* it-IT */
	{ 1030, "Los datos de seguridad no son válidos." }, /* es-ES */
	{ 1030, "Os dados de segurança não são válidos." }, /* pt-BR */
	{ 1030, "Security data is not valid." }, /* en */
	{ 1030, "Server-Sicherheitsdaten sind ungültig." }, /* de-DE */
	{ 1030, "Varnostni podatki niso veljavni." }, /* sl-SI */
	{ 1030, "Данные безопасности недопустимы." }, /* ru-RU */
	{ 1030, "セキュリティデータが無効です。" }, /* ja-JP */
	{ 1030, "安全性資料無效。" }, /* zh-TW */
	{ 1030, "安全数据是无效的。" }, /* zh-CN */
	{ 1030, "보안 데이터가 잘못되었습니다." }, /* ko-KR */
	{ 1032, "Внутренняя ошибка." }, /* ru-RU */
	{ 1032, "内部エラーです。" }, /* ja-JP */
	{ 1032, "내부 오류입니다." }, /* ko-KR */
	{ 1286, "Die angegebene Verschlüsselungsmethode ist ungültig." }, /* de-DE */
	{ 1286, "Déi uginn Verschlësselungsmethod ass ongülteg." }, /* lb-LU */
	{ 1286, "El método de cifrado especificado no es válido." }, /* es-ES */
	{ 1286, "Il metodo di crittografia specificato non è valido." }, /* it-IT */
	{ 1286, "La méthode de cryptage spécifiée n'est pas valide." }, /* fr-FR */
	{ 1286, "Navedena metoda šifriranja ni veljavna." }, /* sl-SI */
	{ 1286, "O método de criptografia especificado não é válido." }, /* pt-BR */
	{ 1286, "The encryption method specified is not valid." }, /* en */
	{ 1286, "Wprowadzona metoda szyfrowania jest nieprawidłowa." }, /* pl-PL */
	{ 1286, "Zadaná metoda šifrování je nesprávná." }, /* cs-CZ */
	{ 1286, "Указанный метод шифрования недопустим." }, /* ru-RU */
	{ 1286, "所指定的加密方式無效。" }, /* zh-TW */
	{ 1286, "指定された暗号化方法が無効です。" }, /* ja-JP */
	{ 1286, "指定的加密方法无效。" }, /* zh-CN */
	{ 1286, "지정한 암호화 방법이 잘못되었습니다." }, /* ko-KR */
	{ 1288, "A pesquisa de DNS falhou." }, /* pt-BR */
	{ 1288, "Búsqueda DNS fallida." }, /* es-ES */
	{ 1288, "DNS Lookupに失敗しました。" }, /* ja-JP */
	{ 1288, "DNS 조회가 실패했습니다." }, /* ko-KR */
	{ 1288, "Iskanje DNS ni uspelo." }, /* sl-SI */
	{ 1288, "La recherche DNS a échoué." }, /* fr-FR */
	{ 1288, "Nepodařilo se vyhledat DNS." }, /* cs-CZ */
	{ 1288, "Nieudane wyszukiwanie DNS." }, /* pl-PL */
	{ 1288, "Ricerca DNS non riuscita." }, /* it-IT */
	{ 1288, "Ошибка поиска DNS." }, /* ru-RU */
	{ 1540, "Chiamata gethostbyname di Windows Socket non riuscita." }, /* it-IT */
	{ 1540, "Falha na chamada gethostbyname do Windows Sockets." }, /* pt-BR */
	{ 1540, "Gethostbyname-Aufruf von Windows Sockets fehlgeschlagen." }, /* de-DE */
	{ 1540, "Gethostbyname-Opruff vu Windows Sockets feelgeschloen." }, /* lb-LU */
	{ 1540, "Klic gethostbyname Windows vtičnic ni uspel." }, /* sl-SI */
	{ 1540, "Llamada a Windows Sockets gethostbyname fallida." }, /* es-ES */
	{ 1540, "Neuvedené vyvolání Windows Socket gethostbyname." }, /* cs-CZ */
	{ 1540, "Nieudane wywołanie Windows Sockets gethostbyname." }, /* pl-PL */
	{ 1540, "Windows Sockets gethostbyname call failed." }, /* en */
	{ 1540, "Windows Sockets gethostbyname 呼び出しに失敗しました。" }, /* ja-JP */
	{ 1540, "Windows Sockets 的 gethostbyname 呼叫失敗。" }, /* zh-TW */
	{ 1540, "Windows 套接字 gethostbyname 调用失败。" }, /* zh-CN */
	{ 1540, "Windows 소켓 getbyname 호출에 실패했습니다." }, /* ko-KR */
	{ 1540, "Échec de l'appel gethostbyname de Windows Sockets." }, /* fr-FR */
	{ 1540, "Ошибка вызова Windows Sockets gethostbyname." }, /* ru-RU */
	{ 1542, "D'Server-Sécherheetsdate sinn ongülteg." }, /* lb-LU */
	{ 1542, "Dane bezpieczeństwa serwera są nieprawidłowe." }, /* pl-PL */
	{ 1542, "Data zabezpečení serveru nejsou správná." }, /* cs-CZ */
	{ 1542, "Données de sécurité du serveur ne sont pas valides." }, /* fr-FR */
	{ 1542, "I dati di sicurezza del server non sono validi." }, /* it-IT */
	{ 1542, "Los datos de seguridad del servidor no son válidos." }, /* es-ES */
	{ 1542, "Os dados de segurança do servidor não são válidos." }, /* pt-BR */
	{ 1542, "Server security data is not valid." }, /* en */
	{ 1542, "Sicherheitsdaten sind ungültig." }, /* de-DE */
	{ 1542, "Varnostni podatki strežnika niso veljavni." }, /* sl-SI */
	{ 1542, "Недопустимые данные безопасности сервера." }, /* ru-RU */
	{ 1542, "サーバー セキュリティ データが無効です。" }, /* ja-JP */
	{ 1542, "伺服器安全性資料無效。" }, /* zh-TW */
	{ 1542, "服务器安全数据无效。" }, /* zh-CN */
	{ 1542, "서버 보안 데이터가 잘못되었습니다." }, /* ko-KR */
	{ 1544, "Błąd wewnętrznego zegara." }, /* pl-PL */
	{ 1544, "Chyba vnítřních hodin." }, /* cs-CZ */
	{ 1544, "Erreur de minuterie interne." }, /* fr-FR */
	{ 1544, "Erro interno do temporizador." }, /* pt-BR */
	{ 1544, "Error interno del temporizador." }, /* es-ES */
	{ 1544, "Errore timer interno." }, /* it-IT */
	{ 1544, "Internal timer error." }, /* en */
	{ 1544, "Interne Timer-Feeler." }, /* lb-LU */
	{ 1544, "Interner Timerfehler." }, /* de-DE */
	{ 1544, "Notranja napaka časovnika." }, /* sl-SI */
	{ 1544, "Внутренняя ошибка таймера." }, /* ru-RU */
	{ 1544, "內部計時器錯誤。" }, /* zh-TW */
	{ 1544, "内部タイマー エラー。" }, /* ja-JP */
	{ 1544, "内部定时器错误。" }, /* zh-CN */
	{ 1544, "내부 타이머 오류입니다." }, /* ko-KR */
	{ 1796, "Ocorreu o tempo limite." }, /* pt-BR */
	{ 1796, "Prišlo je do časovne omejitve." }, /* sl-SI */
	{ 1796, "Si è verificato il timeout." }, /* it-IT */
	{ 1796, "Tiempo de espera transcurrido." }, /* es-ES */
	{ 1796, "Un dépassement de délai s'est produit." }, /* fr-FR */
	{ 1796, "Upłynął limit czasu." }, /* pl-PL */
	{ 1796, "Zeitüberschreitung ist aufgetreten." }, /* de-DE */
	{ 1796, "Zäitiwwerschreidung ass opgetrueden." }, /* lb-LU */
	{ 1796, "Časový limit vypršel." }, /* cs-CZ */
	{ 1796, "Пришёл Timeout." }, /* ru-RU */
	{ 1796, "タイムアウトが発生しました。" }, /* ja-JP */
	{ 1796, "시간 초과가 발생했습니다." }, /* ko-KR */
	{ 1798, "Błąd rozpakowania certyfikatu serwera." }, /* pl-PL */
	{ 1798, "Chyba rozbalení certifikátu serveru." }, /* cs-CZ */
	{ 1798, "D'Serverzertifikat konnt net entpaakt ginn." }, /* lb-LU */
	{ 1798, "Das Serverzertifikat konnte nicht entpackt werden." }, /* de-DE */
	{ 1798, "Failed to unpack server certificate." }, /* en */
	{ 1798, "Falha ao descompactar certificado do servidor." }, /* pt-BR */
	{ 1798, "Impossibile decomprimere il certificato del server." }, /* it-IT */
	{ 1798, "No se ha podido desempaquetar el certificado del servidor." }, /* es-ES */
	{ 1798, "Potrdila strežnika ni bilo mogoče razpakirati." }, /* sl-SI */
	{ 1798, "Échec du déballage du certificat du serveur." }, /* fr-FR */
	{ 1798, "Не удалось распаковать сертификат сервера." }, /* ru-RU */
	{ 1798, "サーバー証明書の解凍に失敗しました。" }, /* ja-JP */
	{ 1798, "无法识别服务器证书。" }, /* zh-CN */
	{ 1798, "無法解壓伺服器憑證。" }, /* zh-TW */
	{ 1798, "서버 인증서의 압축을 풀지 못했습니다." }, /* ko-KR */
	{ 2052, "Bad IP address specified." }, /* en */
	{ 2052, "Dirección IP especificada incorrecta." }, /* es-ES */
	{ 2052, "Endereço IP inválido especificado." }, /* pt-BR */
	{ 2052, "Mauvaise adresse IP spécifiée." }, /* fr-FR */
	{ 2052, "Naveden je napačen naslov IP." }, /* sl-SI */
	{ 2052, "Ongülteg IP-Adress uginn." }, /* lb-LU */
	{ 2052, "Podano błędny adres IP." }, /* pl-PL */
	{ 2052, "Specificato Indirizzo IP errato." }, /* it-IT */
	{ 2052, "Ungültige IP-Adresse angegeben." }, /* de-DE */
	{ 2052, "Vložena špatná IP adresa." }, /* cs-CZ */
	{ 2052, "Указан неверный IP-адрес." }, /* ru-RU */
	{ 2052, "指定された IP アドレスが間違っています。" }, /* ja-JP */
	{ 2052, "指定了錯誤的 IP 位址。" }, /* zh-TW */
	{ 2052, "指定了错误的IP地址。" }, /* zh-CN */
	{ 2052, "잘못된 IP 주소가 지정되었습니다." }, /* ko-KR */
	{ 2055, "Anmeldung fehlgeschlagen." }, /* de-DE */
	{ 2055, "Connexion échouée." }, /* fr-FR */
	{ 2055, "El inicio de sesión falló." }, /* es-ES */
	{ 2055, "Přuhlášení se nepovedlo." }, /* cs-CZ */
	{ 2055, "Umeldung feelgeschloen." }, /* lb-LU */
	{ 2055, "Ошибка входа." }, /* ru-RU */
	{ 2055, "ログインに失敗しました。" }, /* ja-JP */
	{ 2055, "로그인에 실패했습니다." }, /* ko-KR */
	{ 2056, "Falha na negociação da licença." }, /* pt-BR */
	{ 2056, "License negotiation failed." }, /* en */
	{ 2056, "Lizenzaushandlung feelgeschloen." }, /* lb-LU */
	{ 2056, "Lizenzaushandlung fehlgeschlagen." }, /* de-DE */
	{ 2056, "Negociación de licencia fallida." }, /* es-ES */
	{ 2056, "Negoziazione licenza fallita." }, /* it-IT */
	{ 2056, "Neuvedena negociace licenci." }, /* cs-CZ */
	{ 2056, "Nieudana negocjacja licencji." }, /* pl-PL */
	{ 2056, "Négociation de licence a échoué." }, /* fr-FR */
	{ 2056, "Pogajanje o licenci ni uspelo." }, /* sl-SI */
	{ 2056, "Не удалось согласовать лицензию." }, /* ru-RU */
	{ 2056, "ライセンスネゴシエーションに失敗しました。" }, /* ja-JP */
	{ 2056, "授權協商失敗。" }, /* zh-TW */
	{ 2056, "许可协商失败。" }, /* zh-CN */
	{ 2056, "라이선스 협상에 실패했습니다." }, /* ko-KR */
	{ 2308, "Socket закрыт." }, /* ru-RU */
	{ 2308, "Vtičnica je zaprta." }, /* sl-SI */
	{ 2308, "ソケットが閉じられました。" }, /* ja-JP */
	{ 2308, "套接字已关闭。" }, /* zh-CN */
	{ 2308, "通訊端已關閉。" }, /* zh-TW */
	{ 2308, "소켓이 닫힙니다." }, /* ko-KR */
	{ 2310, "Erreur de sécurité interne." }, /* fr-FR */
	{ 2310, "Erro de segurança interno." }, /* pt-BR */
	{ 2310, "Error de seguridad interno." }, /* es-ES */
	{ 2310, "Errore di sicurezza interno." }, /* it-IT */
	{ 2310, "Internal security error." }, /* en */
	{ 2310, "Interne Sécherheetsfeeler." }, /* lb-LU */
	{ 2310, "Interner Sicherheitsfehler." }, /* de-DE */
	{ 2310, "Notranja varnostna napaka." }, /* sl-SI */
	{ 2310, "Vnitřní chyba zabezpečení." }, /* cs-CZ */
	{ 2310, "Wewnętrzny błąd bezpieczeństwa." }, /* pl-PL */
	{ 2310, "Внутренняя ошибка безопасности." }, /* ru-RU */
	{ 2310, "內部安全性錯誤。" }, /* zh-TW */
	{ 2310, "内部セキュリティ エラー。" }, /* ja-JP */
	{ 2310, "内部安全错误。" }, /* zh-CN */
	{ 2310, "내부 보안 오류입니다." }, /* ko-KR */
	{ 2312, "Délai d'expiration de la licence." }, /* fr-FR */
	{ 2312, "Tempo limite do licenciamento." }, /* pt-BR */
	{ 2312, "Tiempo de licencia finalizado." }, /* es-ES */
	{ 2312, "Timeout verifica licenza." }, /* it-IT */
	{ 2312, "Upłyną limit czasu licencjonowania." }, /* pl-PL */
	{ 2312, "Časovna omejitev licenciranja." }, /* sl-SI */
	{ 2312, "Časový limit licencování vypršel." }, /* cs-CZ */
	{ 2312, "Время ожидания лицензирования." }, /* ru-RU */
	{ 2312, "ライセンスのタイムアウト。" }, /* ja-JP */
	{ 2312, "라이선스 제한 시간이 초과되었습니다." }, /* ko-KR */
	{ 2567, "De uginne Benotzer huet kee Konto." }, /* lb-LU */
	{ 2567, "Der angegebene Benutzer hat kein Konto." }, /* de-DE */
	{ 2567, "El usuario especificado no tiene cuenta." }, /* es-ES */
	{ 2567, "L'utente specificato non ha un account." }, /* it-IT */
	{ 2567, "L'utilisateur spécifié n'a pas de compte." }, /* fr-FR */
	{ 2567, "Navedeni uporabnik nima računa." }, /* sl-SI */
	{ 2567, "O usuário especificado não possui conta." }, /* pt-BR */
	{ 2567, "The specified user has no account." }, /* en */
	{ 2567, "Vložený účet neexistuje." }, /* cs-CZ */
	{ 2567, "Wprowadzony użytkownika nie ma konta." }, /* pl-PL */
	{ 2567, "Указанный пользователь не имеет учетной записи." }, /* ru-RU */
	{ 2567, "指定されたユーザーにはアカウントがありません。" }, /* ja-JP */
	{ 2567, "指定使用者沒有帳號。" }, /* zh-TW */
	{ 2567, "지정한 사용자에게 계정이 없습니다." }, /* ko-KR */
	{ 2822, "Erro de criptografia." }, /* pt-BR */
	{ 2822, "Errore crittografia." }, /* it-IT */
	{ 2822, "Napaka pri šifriranju." }, /* sl-SI */
	{ 2822, "Verschlësselungsfeeler." }, /* lb-LU */
	{ 2822, "Verschlüsselungsfehler." }, /* de-DE */
	{ 2822, "Ошибка шифрования." }, /* ru-RU */
	{ 2822, "暗号化エラー。" }, /* ja-JP */
	{ 2822, "암호화 오류입니다." }, /* ko-KR */
	{ 2823, "A conta está desabilitada." }, /* pt-BR */
	{ 2823, "Das Konto ist deaktiviert." }, /* de-DE */
	{ 2823, "De Konto ass deaktivéiert." }, /* lb-LU */
	{ 2823, "Konto jest wyłączone." }, /* pl-PL */
	{ 2823, "L'account è disabilitato" }, /* it-IT */
	{ 2823, "La cuenta está deshabilitada." }, /* es-ES */
	{ 2823, "Le compte est désactivé." }, /* fr-FR */
	{ 2823, "Račun je onemogočen." }, /* sl-SI */
	{ 2823, "The account is disabled." }, /* en */
	{ 2823, "Účet je zakázán." }, /* cs-CZ */
	{ 2823, "Учетная запись отключена." }, /* ru-RU */
	{ 2823, "アカウントは無効です。" }, /* ja-JP */
	{ 2823, "此帳戶已停用。" }, /* zh-TW */
	{ 2823, "此账户已禁用。" }, /* zh-CN */
	{ 2823, "계정을 사용할 수 없습니다." }, /* ko-KR */
	{ 3078, "Błąd rozszyfrowania." }, /* pl-PL */
	{ 3078, "Dekodéierungsfeeler." }, /* lb-LU */
	{ 3078, "Erreur de décryptage." }, /* fr-FR */
	{ 3078, "Erro de descriptografia." }, /* pt-BR */
	{ 3078, "Error de desencriptación" }, /* es-ES */
	{ 3078, "Errore nella decodifica." }, /* it-IT */
	{ 3078, "Napaka pri dešifriranju." }, /* sl-SI */
	{ 3078, "Ошибка расшифровки." }, /* ru-RU */
	{ 3078, "復号化エラー。" }, /* ja-JP */
	{ 3078, "암호 해독 오류입니다." }, /* ko-KR */
	{ 3079, "A conta é restrita." }, /* pt-BR */
	{ 3079, "Das Konto ist eingeschränkt." }, /* de-DE */
	{ 3079, "De Konto ass ageschränkt." }, /* lb-LU */
	{ 3079, "Konto jest ograniczone." }, /* pl-PL */
	{ 3079, "L'account è limitato." }, /* it-IT */
	{ 3079, "La cuenta está restringida." }, /* es-ES */
	{ 3079, "Le compte est restreint." }, /* fr-FR */
	{ 3079, "The account is restricted." }, /* en */
	{ 3079, "Учетная запись ограничена." }, /* ru-RU */
	{ 3079, "アカウントが制限されています。" }, /* ja-JP */
	{ 3079, "此帳戶已限制。" }, /* zh-TW */
	{ 3079, "此账户已受限。" }, /* zh-CN */
	{ 3079, "계정이 제한되어 있습니다." }, /* ko-KR */
	{ 3080, "Decompression error." }, /* en */
	{ 3080, "Dekompressionsfehler." }, /* de-DE */
	{ 3080, "Dekompressiounsfeeler." }, /* lb-LU */
	{ 3080, "Erreur de décompression." }, /* fr-FR */
	{ 3080, "Erro de descompressão." }, /* pt-BR */
	{ 3080, "Error de descompresión." }, /* es-ES */
	{ 3080, "Errore di decompressione." }, /* it-IT */
	{ 3080, "Napaka pri razširjanju." }, /* sl-SI */
	{ 3080, "Ошибка декомпрессии." }, /* ru-RU */
	{ 3080, "압축 해제 오류입니다." }, /* ko-KR */
	{ 3335, "A conta está bloqueada." }, /* pt-BR */
	{ 3335, "Das Konto ist gesperrt." }, /* de-DE */
	{ 3335, "De Konto ass gespaart." }, /* lb-LU */
	{ 3335, "Konto jest zablokowane." }, /* pl-PL */
	{ 3335, "L'account è bloccato." }, /* it-IT */
	{ 3335, "La cuenta está bloqueada." }, /* es-ES */
	{ 3335, "Le compte est verrouillé." }, /* fr-FR */
	{ 3335, "Račun je zaklenjen." }, /* sl-SI */
	{ 3335, "The account is locked out." }, /* en */
	{ 3335, "Учетная запись заблокирована." }, /* ru-RU */
	{ 3335, "アカウントがロックアウトされています。" }, /* ja-JP */
	{ 3335, "此帳戶已鎖定。" }, /* zh-TW */
	{ 3335, "此账户已锁定。" }, /* zh-CN */
	{ 3335, "계정이 잠겼습니다." }, /* ko-KR */
	{ 3591, "A conta está expirada." }, /* pt-BR */
	{ 3591, "Das Konto ist abgelaufen." }, /* de-DE */
	{ 3591, "De Konto ass ofgelaf." }, /* lb-LU */
	{ 3591, "L'account è scaduto." }, /* it-IT */
	{ 3591, "La cuenta ha expirado." }, /* es-ES */
	{ 3591, "Le compte a expiré." }, /* fr-FR */
	{ 3591, "The account is expired." }, /* en */
	{ 3591, "Срок действия учетной записи истек." }, /* ru-RU */
	{ 3591, "アカウントの有効期限が切れています。" }, /* ja-JP */
	{ 3591, "此帳戶已到期。" }, /* zh-TW */
	{ 3591, "此账户已过期。" }, /* zh-CN */
	{ 3591, "계정이 만료되었습니다." }, /* ko-KR */
	{ 3847, "D'Passwuert ass ofgelaf." }, /* lb-LU */
	{ 3847, "Das Passwort ist abgelaufen." }, /* de-DE */
	{ 3847, "La contraseña ha caducado." }, /* es-ES */
	{ 3847, "La password è scaduta." }, /* it-IT */
	{ 3847, "Le mot de passe a expiré." }, /* fr-FR */
	{ 3847, "The password is expired." }, /* en */
	{ 3847, "Срок действия пароля истек." }, /* ru-RU */
	{ 3847, "パスワードの有効期限が切れています。" }, /* ja-JP */
	{ 3847, "此密碼已到期。" }, /* zh-TW */
	{ 3847, "암호가 만료되었습니다." }, /* ko-KR */
	{ 4360, "D'Verbindung zur Remote-Sessioun kann net erëmhiergestallt ginn." }, /* lb-LU */
	{ 4360, "Die Verbindung zur Remote-Sitzung kann nicht wiederhergestellt werden." }, /* de-DE */
	{ 4360, "Impossibile ricollegarsi alla sessione remota." }, /* it-IT */
	{ 4360, "Impossible de se reconnecter à la session distante." }, /* fr-FR */
	{ 4360, "Ni mogoče znova vzpostaviti povezave z oddaljeno sejo." }, /* sl-SI */
	{ 4360, "Nie udało się ponownie połączyć do sesji zdalnej." }, /* pl-PL */
	{ 4360, "No se puede reconectar a la sesión remota." }, /* es-ES */
	{ 4360, "Não foi possível reconectar na sessão remota." }, /* pt-BR */
	{ 4360, "Unable to reconnect to the remote session." }, /* en */
	{ 4360, "リモート セッションに再接続できません。" }, /* ja-JP */
	{ 4360, "无法重新连接远程会话。" }, /* zh-CN */
	{ 4360, "無法重新連線至遠端會話。" }, /* zh-TW */
	{ 4360, "원격 세션에 다시 연결할 수 없습니다." }, /* ko-KR */
	{ 4615, "A senha do usuário deve ser alterada antes de efetuar o logon pela primeira vez." }, /* pt-BR */
	{ 4615, "D'Benotzerpasswuert muss geännert ginn, ier Dir Iech fir d'éischt umellt." }, /* lb-LU */
	{ 4615, "Das Benutzerpasswort muss geändert werden, bevor Sie sich zum ersten Mal anmelden." }, /* de-DE */
	{ 4615, "Hasło użytkownika musi zostać zmienione przed pierwszym logowaniem." }, /* pl-PL */
	{ 4615, "La contraseña de usuario debe modificarse antes de iniciar la sesión por primera vez." }, /* es-ES */
	{ 4615, "La password deve essere modificata prima di accedere per la prima volta." }, /* it-IT */
	{ 4615, "Mot de passe utilisateur doit être modifié avant la première connexion." }, /* fr-FR */
	{ 4615, "Musí být provedena změna heslo uživatele před prvním přihlášením." }, /* cs-CZ */
	{ 4615, "The user password must be changed before logging on for the first time." }, /* en */
	{ 4615, "Uporabniško geslo je treba spremeniti pred prvo prijavo." }, /* sl-SI */
	{ 4615, "Перед первым входом в систему необходимо изменить пароль пользователя." }, /* ru-RU */
	{ 4615, "使用者密碼必須在第一次登入前先更改。" }, /* zh-TW */
	{ 4615, "初めてログオンする前に、ユーザー パスワードを変更する必要があります。" }, /* ja-JP */
	{ 4615, "首次登录前必须更改用户密码。" }, /* zh-CN */
	{ 4615, "처음 로그온하기 전에 사용자 암호를 변경해야 합니다." }, /* ko-KR */
	{ 5639, "A política não suporta delegação de credenciais no servidor de destino." }, /* pt-BR */
	{ 5639, "D'Richtlinn ënnerstëtzt keng Delegatioun vun Umeldungsdaten un den Zilserver." }, /* lb-LU */
	{ 5639, "Die Richtlinie unterstützt keine Delegierung von Anmeldeinformationen an den Zielserver." }, /* de-DE */
	{ 5639, "La policy non supporta la delega delle credenziali al server di destinazione." }, /* it-IT */
	{ 5639, "La politique ne prend pas en charge la délégation de pouvoirs au serveur cible." }, /* fr-FR */
	{ 5639, "La política no admite la delegación de credenciales al servidor de destino." }, /* es-ES */
	{ 5639, "Polityka nie wspiera delegacji poświadczeń do serwera docelowego." }, /* pl-PL */
	{ 5639, "Pplotika ne podpira prenosa poverilnic na ciljni strežnik." }, /* sl-SI */
	{ 5639, "The policy does not support delegation of credentials to the target server." }, /* en */
	{ 5639, "Zásady nepodporují delegování pověření na cílový server." }, /* cs-CZ */
	{ 5639, "Политика не поддерживает делегирование учетных данных на целевой сервер." }, /* ru-RU */
	{ 5639, "این سیاست از تفویض داده های احراز هویت به کارگزار مقصد پشیبانی نمی کند." }, /* fa_IR */
	{ 5639, "ポリシーは、ターゲット サーバーへの資格情報の委任をサポートしていません。" }, /* ja-JP */
	{ 5639, "此政策不支援將憑證委派至目標伺服器。" }, /* zh-TW */
	{ 5639, "该策略不支持将凭据委派给目标服务器。" }, /* zh-CN */
	{ 5639, "이 정책은 대상 서버에 대한 자격 증명 위임을 지원하지 않습니다." }, /* ko-KR */
	{ 5895, "A delegação de credenciais ao servidor de destino não é permitida, a menos que a autenticação mútua tenha sido alcançada." }, /* pt-BR */
	{ 5895, "D'Delegatioun vun Umeldungsdaten un den Zilserver ass nëmmen erlaabt, wann eng géigesäiteg Authentifizéierung erreecht gouf." }, /* lb-LU */
	{ 5895, "Delegacja poświadczeń do serwera docelowego nie jest dozwolona dopóki wzajemne uwierzytelnienie nie jest osiągnięte." }, /* pl-PL */
	{ 5895, "Delegation of credentials to the target server is not allowed unless mutual authentication has been achieved." }, /* en */
	{ 5895, "Delegování pověření na cílový server není povoleno, pokud nebylo dosaženo vzájemného ověřování." }, /* cs-CZ */
	{ 5895, "Die Delegierung von Anmeldeinformationen an den Zielserver ist nur zulässig, wenn eine gegenseitige Authentifizierung erreicht wurde." }, /* de-DE */
	{ 5895, "Délégation des informations d'identification au serveur cible n'est autorisée que si authentification mutuelle a été réalisée." }, /* fr-FR */
	{ 5895, "La delega delle credenziali al server di destinazione non è consentita a meno che non sia stata raggiunta l'autenticazione reciproca." }, /* it-IT */
	{ 5895, "La delegación de credenciales al servidor de destino no está permitida a menos que se haya logrado la autenticación mutua." }, /* es-ES */
	{ 5895, "Prenos poverilnic na ciljni strežnik ni dovoljen razen, če je bila doseženo vzajemno preverjanje pristnosti." }, /* sl-SI */
	{ 5895, "Делегирование учетных данных на целевой сервер не допускается, если не достигнута взаимная проверка подлинности." }, /* ru-RU */
	{ 5895, "相互認証が達成されない限り、ターゲット サーバーへの資格情報の委任は許可されません。" }, /* ja-JP */
	{ 5895, "除非实现了相互认证，否则不允许将凭证委托给目标服务器。" }, /* zh-CN */
	{ 5895, "除非已完成雙向驗證，否則不允許將憑證委派至目標伺服器。" }, /* zh-TW */
	{ 5895, "상호 인증이 이루어지지 않으면 대상 서버에 대한 자격 증명의 위임이 허용되지 않습니다." }, /* ko-KR */
	{ 6151, "Aucune autorité n'a pu être contactée pour l'authentification. Nom de domaine de la partie authentifiante peut être incorrect, domaine peut être inaccessible ou il peut y avoir eu un échec de la relation d'approbation." }, /* fr-FR */
	{ 6151, "Es konnte keine Autorität für die Authentifizierung kontaktiert werden. Der Domänenname des authentifizierenden Teilnehmers könnte falsch sein, die Domäne könnte nicht erreichbar sein, oder ein Vertrauensstellungsfehler ist aufgetreten." }, /* de-DE */
	{ 6151, "Et konnt keng Autoritéit fir d'Authentifizéierung kontaktéiert ginn. Den Domännumm vum authentifizéierenden Deelnehmer kéint falsch sinn, d'Domän kéint net erreechbar sinn, oder et ass e Vertrauensverhältnisfeeler opgetrueden." }, /* lb-LU */
	{ 6151, "Nenhuma autoridade pôde ser contatada para autenticação. O nome de domínio da parte autenticada pode estar errado, o domínio pode estar inacessível ou pode ter havido uma falha na relação de confiança." }, /* pt-BR */
	{ 6151, "Nessuna autorità può essere contattata per l'autenticazione. " }, /* it-IT */
	{ 6151, "Nie udało się skomunikować z żadnym serwerem autoryzacji. Nazwa domeny może być błędnie podana, domena może być niedostępna lub może istnieć problem z relacją zaufania." }, /* pl-PL */
	{ 6151, "No authority could be contacted for authentication. The domain name of the authenticating party could be wrong, the domain could be unreachable, or there might have been a trust relationship failure." }, /* en */
	{ 6151, "No se pudo contactar a ninguna autoridad para la autenticación. El nombre de dominio de la parte que realiza la autenticación podría no ser correcta, el dominio podría ser inalcanzable o podría haber habido una falla en la relación de confianza." }, /* es-ES */
	{ 6151, "Pro ověření nebylo možné kontaktovat žádnou autoritu. Název domény ověřující strany může být nesprávný, doména může být nedosažitelná nebo může dojít k selhání vztahu důvěryhodnosti.  [stored with trailing space]" }, /* cs-CZ */
	{ 6151, "Za preverjanje pristnosti ni bilo mogoče kontaktirati nobenega pooblastitelja. Ime domene stranke za preverjanje pristnosti je lahko napačno, domena nedosegljiva ali pa je prišlo do okvare zaupanja vrednega odnosa." }, /* sl-SI */
	{ 6151, "Не удалось связаться с полномочиями для проверки подлинности. Имя домена участника, прошедшего проверку подлинности, может быть неправильным, домен может быть недоступен или возникла ошибка доверия." }, /* ru-RU */
	{ 6151, "无法联系到权威机构进行认证。认证方的域名可能是错误的，域名可能是无法联系的，或者可能出现了信任关系失败。" }, /* zh-CN */
	{ 6151, "無法連線至授權機構進行驗證。認證方的網域名稱可能錯誤、網域不可達，或信任關係失敗。" }, /* zh-TW */
	{ 6151, "認証のために認証機関に接続できませんでした。認証側のドメイン名が間違っているか、ドメインにアクセスできないか、信頼関係に問題がある可能性があります。" }, /* ja-JP */
	{ 6151, "인증 기관에 연결할 수 없습니다. 인증 당사자의 도메인 이름이 잘못되었거나 도메인에 연결할 수 없거나 신뢰 관계 오류가 있을 수 있습니다." }, /* ko-KR */
	{ 6919, "Certifikát vypršel." }, /* cs-CZ */
	{ 6919, "Das empfangene Zertifikat ist abgelaufen." }, /* de-DE */
	{ 6919, "Dat empfaangent Zertifikat ass ofgelaf." }, /* lb-LU */
	{ 6919, "El certificado recibido ha expirado." }, /* es-ES */
	{ 6919, "Il certificato ricevuto è scaduto." }, /* it-IT */
	{ 6919, "Le certificat reçu est expiré." }, /* fr-FR */
	{ 6919, "O certificado recebido está expirado." }, /* pt-BR */
	{ 6919, "Odebrany certyfikat wygasł." }, /* pl-PL */
	{ 6919, "Prejeto potrdilo je poteklo." }, /* sl-SI */
	{ 6919, "The received certificate is expired." }, /* en */
	{ 6919, "Полученный сертификат истек." }, /* ru-RU */
	{ 6919, "受信した証明書の有効期限が切れています。" }, /* ja-JP */
	{ 6919, "收到的證書已過期。" }, /* zh-TW */
	{ 6919, "收到的证书已过期。" }, /* zh-CN */
	{ 6919, "수신된 인증서가 만료되었습니다." }, /* ko-KR */
	{ 7175, "An incorrect PIN was presented to the smart card." }, /* en */
	{ 7175, "Eine falsche PIN wurde der Smartcard übergeben." }, /* de-DE */
	{ 7175, "Eng falsch PIN gouf der Smartcard iwwergi." }, /* lb-LU */
	{ 7175, "Na pametni kartici je bila predstavljena napačna koda PIN." }, /* sl-SI */
	{ 7175, "Se presentó un PIN incorrecto a la tarjeta inteligente." }, /* es-ES */
	{ 7175, "Um PIN incorreto foi apresentado ao cartão inteligente." }, /* pt-BR */
	{ 7175, "Un code PIN incorrect a été présenté à la carte à puce." }, /* fr-FR */
	{ 7175, "Vložen nesprávné PIN ke kartě." }, /* cs-CZ */
	{ 7175, "Wprowadzono błędny pin do karty inteligentnej." }, /* pl-PL */
	{ 7175, "È stato inserito un PIN errato nella smart card." }, /* it-IT */
	{ 7175, "Неверный PIN-код от смарт-карты." }, /* ru-RU */
	{ 7175, "スマート カードに誤った PIN が提示されました。" }, /* ja-JP */
	{ 7175, "向智能卡提供了错误的 PIN。" }, /* zh-CN */
	{ 7175, "提供給智慧卡的 PIN 不正確。" }, /* zh-TW */
	{ 7175, "스마트 카드에 잘못된 PIN이 제공되었습니다." }, /* ko-KR */
	{ 8455, "A política de autenticação do servidor não permite solicitações de conexão usando credenciais salvas. O usuário deve inserir novas credenciais." }, /* pt-BR */
	{ 8455, "D'Serverauthentifizéierungsrichtlinn léisst keng Verbindungsufroe mat gespäicherten Umeldungsdaten zou. De Benotzer muss nei Umeldungsdaten aginn." }, /* lb-LU */
	{ 8455, "Die Serverauthentifizierungsrichtlinie lässt keine Verbindungsanforderungen mit gespeicherten Anmeldeinformationen zu. Der Benutzer muss neue Anmeldeinformationen eingeben." }, /* de-DE */
	{ 8455, "La policy di autenticazione del server non consente le richieste di connessione utilizzando le credenziali salvate. " }, /* it-IT */
	{ 8455, "La politique d'authentification du serveur n'autorise pas les demandes de connexion utilisant des informations d'identification enregistrées. L'utilisateur doit saisir de nouveaux identifiants." }, /* fr-FR */
	{ 8455, "La política de autenticación del servidor no permite las solicitudes de conexión que utilizan credenciales guardadas. El usuario debe introducir nuevas credenciales." }, /* es-ES */
	{ 8455, "Politika preverjanja pristnosti strežnika ne dovoljuje zahtev za povezavo z uporabo shranjenih poverilnic. Uporabnik mora vnesti nove poverilnice." }, /* sl-SI */
	{ 8455, "Polityka uwierzytelnienia serwera nie zezwala na połączenia z użyciem zapisanych poświadczeń. Użytkownik musi podać nowe poświadczenia." }, /* pl-PL */
	{ 8455, "The server authentication policy does not allow connection requests using saved credentials. The user must enter new credentials." }, /* en */
	{ 8455, "Zásady ověřování serveru neumožňují požadavky na připojení pomocí uložených pověření. Uživatel musí zadat nová pověření.  [stored with trailing space]" }, /* cs-CZ */
	{ 8455, "Политика проверки подлинности сервера не разрешает запросы на подключение с использованием сохраненных учетных данных. Пользователь должен ввести новые учетные данные." }, /* ru-RU */
	{ 8455, "サーバーの認証ポリシーにより、保存された資格情報を使用した接続要求は許可されません。ユーザーは新しい資格情報を入力する必要があります。" }, /* ja-JP */
	{ 8455, "伺服器身份驗證政策不允許使用已儲存的憑證進行連線請求。使用者必須輸入新的憑證。" }, /* zh-TW */
	{ 8455, "服务器身份验证策略不允许使用已保存凭据的连接请求。" }, /* zh-CN */
	{ 8455, "서버 인증 정책에서 저장된 자격 증명을 사용한 연결 요청을 허용하지 않습니다. 사용자는 새 자격 증명을 입력해야 합니다." }, /* ko-KR */
	{ 8711, "D'Smartcard ass blockéiert." }, /* lb-LU */
	{ 8711, "Die Smartcard ist blockiert." }, /* de-DE */
	{ 8711, "Karta inteligentna jest zablokowana." }, /* pl-PL */
	{ 8711, "La carte à puce est bloquée." }, /* fr-FR */
	{ 8711, "La smart card è bloccata." }, /* it-IT */
	{ 8711, "La tarjeta inteligente está bloqueada." }, /* es-ES */
	{ 8711, "O cartão inteligente está bloqueado." }, /* pt-BR */
	{ 8711, "Pametna kartica ja blokirana." }, /* sl-SI */
	{ 8711, "Smart karta je zablokována." }, /* cs-CZ */
	{ 8711, "The smart card is blocked." }, /* en */
	{ 8711, "Смарт-карта заблокирована." }, /* ru-RU */
	{ 8711, "スマートカードがブロックされています。" }, /* ja-JP */
	{ 8711, "智慧卡被封鎖。" }, /* zh-TW */
	{ 8711, "智能卡已禁用。" }, /* zh-CN */
	{ 8711, "스마트 카드가 차단되었습니다." }, /* ko-KR */
	{ 50331651, "Ihr Computer kann aus einem der folgenden Gründe keine Verbindung mit dem Remotecomputer herstellen: 1) Die angeforderte Remotedesktop-Gateway-Serveradresse und der Betreff des SSL-Zertifikats des Servers stimmen nicht überein. 2) Das Zertifikat ist abgelaufen oder widerrufen. 3) Die Stammzertifizierungsstelle traut dem Zertifikat nicht. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331651, "Questo computer non può connettersi al computer remoto a causa di uno dei seguenti motivi: " }, /* it-IT */
	{ 50331651, "Seu computador não consegue se conectar ao computador remoto devido a um dos seguintes motivos: 1) O endereço do servidor Gateway de Área de Trabalho Remota solicitado e o nome da entidade do certificado SSL do servidor não correspondem. 2) O certificado expirou ou foi revogado. 3) A autoridade raiz do certificado não confia no certificado. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331651, "Vaš računalnik se ne more povezati z oddaljenim računalnikom zaradi enega od naslednjih razlogov: 1) Zahtevani naslov Prehodnega strežnika za oddaljeno namizje in ime subjekta potrdila SSL strežnika se ne ujemata. 2) Potrdilo je poteklo ali je preklicano. 3) Korenski organ potrdila ne zaupa potrdilu. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331651, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant pour l'une des raisons suivantes: 1) L'adresse du serveur de passerelle Bureau à distance demandée et le nom du sujet du certificat SSL du serveur ne correspondent pas. 2) Le certificat est expiré ou révoqué. 3) L'autorité racine du certificat ne fait pas confiance au certificat. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331651, "Your computer can't connect to the remote computer due to one of the following reasons:  1) The requested Remote Desktop Gateway server address and the server SSL certificate subject name do not match. 2) The certificate is expired or revoked. 3) The certificate root authority does not trust the certificate.  Contact your network administrator for assistance." }, /* en */
	{ 50331651, "Äre Computer kann aus engem vun de folgende Grënn keng Verbindung mam Remotecomputer hierstellen: 1) Déi ugefrote Remote-Desktop-Gateway-Serveradress an den Numm am Sujet vum SSL-Zertifikat vum Server stëmmen net iwwereneen. 2) D'Zertifikat ass ofgelaf oder zréckgezunn. 3) D'Stammzertifizéierungsstell vertraut dem Zertifikat net. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331651, "お使いのコンピューターは、次のいずれかの理由によりリモートコンピューターに接続できません。1) 要求されたリモートデスクトップゲートウェイサーバーのアドレスとサーバーのSSL証明書のサブジェクト名が一致しません。2) 証明書の有効期限が切れているか、失効しています。3) 証明機関が証明書を信頼していません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331651, "您的電腦無法連線至遠端主機，原因可能為下列之一：1) 請求的遠端桌面閘道伺服器位址與其 SSL 憑證主旨名稱不符。2) 憑證已過期或被吊銷。3) 根憑證機構不信任該憑證。  請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331651, "由于以下原因之一，您的计算机无法连接到远程计算机： 1) 请求的 Remote Desktop Gateway 服务器地址和服务器 SSL 证书主题名不匹配。2) 证书已过期或被撤销。3) 证书根授权机构不信任该证书。 请联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331651, "다음 이유 중 하나로 인해 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다: 1) 요청한 원격 데스크톱 게이트웨이 서버 주소와 서버 SSL 인증서 주체 이름이 일치하지 않습니다. 2) 인증서가 만료되었거나 취소되었습니다. 3) 인증서 루트 권한이 인증서를 신뢰하지 않습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331653, "Cet ordinateur ne peut pas vérifier l'identité de la passerelle RD \"\". Il n'est pas sûr de se connecter à des serveurs qui ne peuvent pas être identifiés. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331653, "Dieser Computer kann die Identität des RD-Gateways \"\" nicht verifizieren. Es ist nicht sicher, eine Verbindung zu Servern herzustellen, die nicht identifiziert werden können. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331653, "Dëse Computer kann d'Identitéit vum RD-Gateway \"\" net iwwerpréiwen. Et ass net sécher, sech mat Server ze verbannen, déi net identifizéiert kënne ginn. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331653, "Este computador não consegue verificar a identidade do Gateway RD \"\". Não é seguro conectar-se a servidores que não podem ser identificados. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331653, "Questo computer non è in grado di verificare l'identità del gateway desktop remoto. " }, /* it-IT */
	{ 50331653, "Ta računalnik ne more preveriti identitete prehoda RD \"\". Povezovanje s strežniki, ki jih ni mogoče identificirati, ni varno. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331653, "This computer can't verify the identity of the RD Gateway \"\". It's not safe to connect to servers that can't be identified. Contact your network administrator for assistance." }, /* en */
	{ 50331653, "このコンピューターはRDゲートウェイ「」のIDを確認できません。識別できないサーバーへの接続は安全ではありません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331653, "此计算机无法验证 RD Gateway \"\" 的身份。连接到无法识别的服务器是不安全的。请联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331653, "此電腦無法驗證 RD Gateway \"\" 的身份。連線至無法確認身分的伺服器並不安全，請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331653, "이 컴퓨터는 RD 게이트웨이의 신원을 확인할 수 없습니다. 식별할 수 없는 서버에 연결하는 것은 안전하지 않습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331654, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil die angeforderte Remote Desktop Gateway-Serveradresse und der Zertifikatsbetreffsname nicht übereinstimmen. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331654, "Questo computer non può connettersi al computer remoto perché l'indirizzo del server gateway desktop remoto richiesto e il nome del soggetto del certificato non corrispondono. " }, /* it-IT */
	{ 50331654, "Seu computador não pode se conectar ao computador remoto porque o endereço do servidor Gateway de Área de Trabalho Remota solicitado e o nome da entidade do certificado não correspondem. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331654, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker se zahtevani naslov Prehodnega strežnika za oddaljeno namizje in ime predmeta potrdila ne ujemata. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331654, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car l'adresse du serveur de passerelle Bureau à distance demandée et le nom du sujet du certificat ne correspondent pas. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331654, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server address requested and the certificate subject name do not match. Contact your network administrator for assistance." }, /* en */
	{ 50331654, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well déi ugefrote Remote-Desktop-Gateway-Serveradress an den Numm am Zertifikatssujet net iwwereneen stëmmen. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331654, "您的電腦無法連線至遠端主機，因為請求的遠端桌面閘道伺服器位址與憑證主旨名稱不符。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331654, "由于请求的 Remote Desktop Gateway 服务器地址和证书主题名不匹配，您的计算机无法连接到远程计算机。请联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331654, "要求されたリモートデスクトップゲートウェイサーバーのアドレスと証明書のサブジェクト名が一致しないため、コンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331654, "요청한 원격 데스크톱 게이트웨이 서버 주소와 인증서 주체 이름이 일치하지 않아 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331655, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil das Zertifikat des Remotedesktop-Gatewayservers abgelaufen ist oder widerrufen wurde. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331655, "Questo computer non può connettersi al computer remoto perché il certificato del server gateway desktop remoto è scaduto o è stato revocato. " }, /* it-IT */
	{ 50331655, "Seu computador não consegue se conectar ao computador remoto porque o certificado do servidor Gateway de Área de Trabalho Remota expirou ou foi revogado. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331655, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je potrdilo Prehodnega strežnika za oddaljeno namizje poteklo ali je bilo preklicano. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331655, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le certificat du serveur de passerelle Bureau à distance a expiré ou a été révoqué. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331655, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server's certificate has expired or has been revoked. Contact your network administrator for assistance." }, /* en */
	{ 50331655, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well d'Zertifikat vum Remote-Desktop-Gateway-Server ofgelaf oder zréckgezunn ass. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331655, "リモートデスクトップゲートウェイサーバーの証明書の有効期限が切れているか失効しているため、お使いのコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331655, "您的電腦無法連線至遠端主機，因為遠端桌面閘道伺服器的憑證已過期或被吊銷。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331655, "由于 Remote Desktop Gateway 服务器的证书已过期或被撤销，您的计算机无法连接到远程计算机。请联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331655, "원격 데스크톱 게이트웨이 서버의 인증서가 만료되었거나 취소되었기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331657, "An error occurred while sending data to the Remote Desktop Gateway server. The server is temporarily unavailable or a network connection is down. Try again later, or contact your network administrator for assistance." }, /* en */
	{ 50331657, "Beim Schécke vun Daten un de Remote-Desktop-Gateway-Server ass e Feeler opgetrueden. De Server ass temporär net verfügbar oder eng Netzwierkverbindung ass gestéiert. Probéiert et méi spéit erëm oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331657, "Beim Senden von Daten an den Remotedesktop-Gateway-Server ist ein Fehler aufgetreten. Der Server ist vorübergehend nicht verfügbar oder eine Netzwerkverbindung ist gestört. Versuchen Sie es später noch einmal, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331657, "Med pošiljanjem podatkov na Prehodni strežnik oddaljenega namizja je prišlo do napake. Strežnik začasno ni dostopen ali pa je omrežna povezava prekinjena. Poskusite znova pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331657, "Ocorreu um erro ao enviar dados para o servidor Remote Desktop Gateway. O servidor está temporariamente indisponível ou a conexão de rede está indisponível. Tente novamente mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331657, "Si è verificato un errore durante l'invio dei dati al server gateway desktop remoto. " }, /* it-IT */
	{ 50331657, "Une erreur s'est produite lors de l'envoi de données au serveur de passerelle Bureau à distance. Le serveur est temporairement indisponible ou une connexion réseau est en panne. Réessayez plus tard ou contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331657, "リモートデスクトップゲートウェイサーバーへのデータ送信中にエラーが発生しました。サーバーが一時的に利用できないか、ネットワーク接続がダウンしています。しばらくしてからもう一度お試しいただくか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331657, "向 Remote Desktop Gateway 服务器发送数据时发生错误。服务器暂时不可用或网络连接中断。请稍后再试，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331657, "發送資料至遠端桌面閘道伺服器時出錯。伺服器暫時無法使用，或網路連線中斷。請稍後重試，或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331657, "원격 데스크톱 게이트웨이 서버로 데이터를 전송하는 동안 오류가 발생했습니다. 서버를 일시적으로 사용할 수 없거나 네트워크 연결이 중단되었습니다. 나중에 다시 시도하거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331658, "An error occurred while receiving data from the Remote Desktop Gateway server. Either the server is temporarily unavailable or a network connection is down. Try again later, or contact your network administrator for assistance." }, /* en */
	{ 50331658, "Beim Empfaange vun Daten vum Remote-Desktop-Gateway-Server ass e Feeler opgetrueden. Entweder ass de Server temporär net verfügbar oder eng Netzwierkverbindung ass gestéiert. Probéiert et méi spéit erëm oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331658, "Beim Empfang von Daten vom Remotedesktop-Gatewayserver ist ein Fehler aufgetreten. Entweder ist der Server vorübergehend nicht verfügbar oder eine Netzwerkverbindung ist gestört. Versuchen Sie es später noch einmal, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331658, "Med prejemanjem podatkov s Prehodnega strežnika za oddaljeno namizje je prišlo do napake. Strežnik začasno ni dostopen ali pa je omrežna povezava prekinjena. Poskusite znova pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331658, "Ocorreu um erro ao receber dados do servidor Remote Desktop Gateway. O servidor está temporariamente indisponível ou a conexão de rede está inoperante. Tente novamente mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331658, "Si è verificato un errore durante la ricezione dei dati dal server gateway desktop remoto. " }, /* it-IT */
	{ 50331658, "Une erreur s'est produite lors de la réception des données du serveur de passerelle Bureau à distance. Soit le serveur est temporairement indisponible, soit une connexion réseau est en panne. Réessayez plus tard ou contactez votre administrateur réseau pour avoirde l'aide." }, /* fr-FR */
	{ 50331658, "リモートデスクトップゲートウェイサーバーからデータを受信中にエラーが発生しました。サーバーが一時的に利用できないか、ネットワーク接続がダウンしています。しばらくしてからもう一度お試しいただくか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331658, "从 Remote Desktop Gateway 服务器接收数据时发生错误。要么是服务器暂时不可用，要么是网络连接出现故障。请稍后再试，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331658, "從遠端桌面閘道伺服器接收資料時發生錯誤。伺服器可能暫時無法使用，或網路連線中斷。請稍後再試，或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331658, "원격 데스크톱 게이트웨이 서버에서 데이터를 수신하는 동안 오류가 발생했습니다. 서버를 일시적으로 사용할 수 없거나 네트워크 연결이 중단되었습니다. 나중에 다시 시도하거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331660, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil die Adresse des Remotedesktop-Gatewayservers unerreichbar oder falsch ist. Geben Sie eine gültige Remotedesktop-Gateway-Serveradresse ein." }, /* de-DE */
	{ 50331660, "Questo computer non può connettersi al computer remoto perché l'indirizzo del server gateway desktop remoto non è raggiungibile o non è corretto. " }, /* it-IT */
	{ 50331660, "Seu computador não consegue se conectar ao computador remoto porque o endereço do servidor Remote Desktop Gateway está inacessível ou incorreto. Digite um endereço de servidor Gateway de Área de Trabalho Remota válido." }, /* pt-BR */
	{ 50331660, "Tu computadora no puede conectarse a la computadora remota porque la dirección del servidor Remote Desktop Gateway es inaccesible o incorrecta. Escribe una dirección de servidor Remote Desktop Gateway válida." }, /* es-ES */
	{ 50331660, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je naslov Prehodnega strežnika za oddaljeno namizje nedosegljiv ali napačen. Vnesite veljaven naslov Prehodnega strežnika za oddaljeno namizje." }, /* sl-SI */
	{ 50331660, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car l'adresse du serveur de passerelle Bureau à distance est inaccessible ou incorrecte. Tapez une adresse de serveur de passerelle Bureau à distance valide." }, /* fr-FR */
	{ 50331660, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server address is unreachable or incorrect. Type a valid Remote Desktop Gateway server address." }, /* en */
	{ 50331660, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well d'Adress vum Remote-Desktop-Gateway-Server net erreechbar oder falsch ass. Gitt eng gülteg Remote-Desktop-Gateway-Serveradress an." }, /* lb-LU */
	{ 50331660, "リモートデスクトップゲートウェイサーバーのアドレスが到達不能または正しくないため、コンピューターはリモートコンピューターに接続できません。有効なリモートデスクトップゲートウェイサーバーのアドレスを入力してください。" }, /* ja-JP */
	{ 50331660, "您的電腦無法連線至遠端主機，因為遠端桌面閘道伺服器位址不可達或不正確。輸入有效的遠端桌面閘道伺服器位址。" }, /* zh-TW */
	{ 50331660, "由于 Remote Desktop Gateway 服务器地址不可达或不正确，您的计算机无法连接到远程计算机。输入有效的 Remote Desktop Gateway 服务器地址。" }, /* zh-CN */
	{ 50331660, "원격 데스크톱 게이트웨이 서버 주소가 연결할 수 없거나 잘못되어 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 올바른 원격 데스크톱 게이트웨이 서버 주소를 입력합니다." }, /* ko-KR */
	{ 50331661, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da der Remote Desktop Gateway-Server vorübergehend nicht verfügbar ist. Versuchen Sie, die Verbindung später wiederherzustellen, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331661, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto è temporaneamente non disponibile. " }, /* it-IT */
	{ 50331661, "Seu computador não consegue se conectar ao computador remoto porque o servidor Remote Desktop Gateway está temporariamente indisponível. Tente reconectar mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331661, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker Prehodni strežnik za oddaljeno namizje trenutno ni dostopen. Poskusite znova vzpostaviti povezavo pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331661, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur de passerelle Bureau à distance est temporairement indisponible. Essayez de vous reconnecter plus tard ou contactez votre administrateur réseau pour obtenir de l'aide." }, /* fr-FR */
	{ 50331661, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server is temporarily unavailable. Try reconnecting later or contact your network administrator for assistance." }, /* en */
	{ 50331661, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server temporär net verfügbar ass. Probéiert méi spéit erëm ze verbannen oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331661, "リモートデスクトップゲートウェイサーバーが一時的に利用できないため、お使いのコンピューターはリモートコンピューターに接続できません。しばらくしてから再接続するか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331661, "由于 Remote Desktop Gateway 服务器暂时不可用，您的计算机无法连接到远程计算机。请稍后再尝试重新连接，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331661, "由於遠端桌面閘道伺服器暫時無法使用，您的電腦無法連線至遠端主機。請稍後再試或聯絡網路管理員尋求協助。" }, /* zh-TW */
	{ 50331661, "원격 데스크톱 게이트웨이 서버를 일시적으로 사용할 수 없기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 나중에 다시 연결하거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331663, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da der Remotedesktop-Gatewayserver nur über geringe Serverressourcen verfügt und vorübergehend nicht verfügbar ist. Versuchen Sie, die Verbindung später wiederherzustellen, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331663, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto sta esaurendo le risorse del server ed è temporaneamente non disponibile. " }, /* it-IT */
	{ 50331663, "Seu computador não consegue se conectar ao computador remoto porque o servidor Gateway de Área de Trabalho Remota está com poucos recursos do servidor e está temporariamente indisponível. Tente reconectar mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331663, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker Prehodnem strežniku za oddaljeno namizje primanjkuje strežniških virov in začasno ni dostopen. Poskusite znova vzpostaviti povezavo pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331663, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur de passerelle Bureau à distance manque de ressources serveur et est temporairement indisponible. Essayez de vous reconnecter plus tard ou contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331663, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server is running low on server resources and is temporarily unavailable. Try reconnecting later or contact your network administrator for assistance." }, /* en */
	{ 50331663, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server nëmmen iwwer wéineg Serverressourcen verfügt an temporär net verfügbar ass. Probéiert méi spéit erëm ze verbannen oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331663, "リモートデスクトップゲートウェイサーバーのサーバーリソースが不足しており、一時的に利用できないため、コンピューターはリモートコンピューターに接続できません。しばらくしてから再接続するか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331663, "您的计算机无法连接到远程计算机，因为 Remote Desktop Gateway 服务器资源不足，暂时无法使用。请稍后再尝试重新连接，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331663, "由於遠端桌面閘道伺服器資源不足，暫時無法使用，您的電腦無法連線至遠端主機。請稍後再試或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331663, "원격 데스크톱 게이트웨이 서버의 서버 리소스가 부족하여 일시적으로 사용할 수 없기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 나중에 다시 연결하거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331672, "De Remote-Desktop-Gateway-Server huet d'Verbindung beendegt. Probéiert méi spéit erëm ze verbannen oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331672, "Der Remotedesktop-Gatewayserver hat die Verbindung beendet. Versuchen Sie, die Verbindung später wiederherzustellen, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331672, "Il server gateway desktop remoto ha terminato la connessione. " }, /* it-IT */
	{ 50331672, "Le serveur de passerelle Bureau à distance a mis fin à la connexion. Essayez de vous reconnecter plus tard ou contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331672, "O servidor Gateway de Área de Trabalho Remota encerrou a conexão. Tente reconectar mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331672, "Prehodni strežnik za oddaljeno namizje je prekinil povezavo. Poskusite znova vzpostaviti povezavo pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331672, "Remote Desktop Gateway 服务器已结束连接。请稍后再尝试重新连接，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331672, "The Remote Desktop Gateway server has ended the connection. Try reconnecting later or contact your network administrator for assistance." }, /* en */
	{ 50331672, "リモートデスクトップゲートウェイサーバーは接続を終了しました。しばらくしてから再接続するか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331672, "遠端桌面閘道伺服器已終止連線。請稍後再嘗試重新連線，或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331672, "원격 데스크톱 게이트웨이 서버가 연결을 종료했습니다. 나중에 다시 연결해 보거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331673, "De Remote-Desktop-Gateway-Serveradministrator huet d'Verbindung beendegt. Probéiert méi spéit erëm ze verbannen oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331673, "Der Remote Desktop Gateway-Serveradministrator hat die Verbindung beendet. Versuchen Sie, die Verbindung später wiederherzustellen, oder wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331673, "L'administrateur du serveur de passerelle Bureau à distance a mis fin à la connexion. Essayez de vous reconnecter plus tard ou contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331673, "L'amministratore del server gateway desktop remoto ha terminato la connessione. " }, /* it-IT */
	{ 50331673, "O administrador do servidor Remote Desktop Gateway encerrou a conexão. Tente reconectar mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331673, "Remote Desktop Gateway 服务器管理员已结束连接。请稍后再尝试重新连接，或联系网络管理员寻求帮助。" }, /* zh-CN */
	{ 50331673, "Skrbnik Prehodnega strežnika za oddaljeno namizje je prekinil povezavo. Poskusite znova vzpostaviti povezavo pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331673, "The Remote Desktop Gateway server administrator has ended the connection. Try reconnecting later or contact your network administrator for assistance." }, /* en */
	{ 50331673, "リモートデスクトップゲートウェイサーバーの管理者が接続を終了しました。しばらくしてから再接続するか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331673, "遠端桌面閘道伺服器的管理員已終止連線。請稍後再嘗試重新連線，或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331673, "원격 데스크톱 게이트웨이 서버 관리자가 연결을 종료했습니다. 나중에 다시 연결해 보거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331675, "A Área de Trabalho Remota não pode se conectar ao computador remoto \"\" por um destes motivos: 1) Sua conta de usuário não está listada na lista de permissões do Gateway RD 2) Você pode ter especificado o computador remoto no formato NetBIOS (por exemplo, computador1) , mas o Gateway RD espera um formato de endereço IP ou FQDN (por exemplo, computer1.fabrikam.com ou 157.60.0.1). Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331675, "Il desktop remoto non può connettersi al computer remoto per uno di questi motivi: " }, /* it-IT */
	{ 50331675, "Le Bureau à distance ne peut pas se connecter à l'ordinateur distant \"\" pour l'une des raisons suivantes: 1) Votre compte utilisateur n'est pas répertorié dans la liste des autorisations de RD Gateway. 2) Vous avez peut-être spécifié l'ordinateur distant au format NetBIOS (par exemple, ordinateur1), mais la passerelle RD attend un nom de domaine complet ou un format d'adresse IP (par exemple, ordinateur1.fabrikam.com ou 157.60.0.1). Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331675, "Oddaljeno namizje se ne more povezati z oddaljenim računalnikom \"\" zaradi enega od teh razlogov: 1) Vaš uporabniški račun ni naveden na seznamu dovoljenj prehoda RD 2) Morda ste določili oddaljeni računalnik v formatu NetBIOS (na primer računalnik1) , vendar prehod RD pričakuje FQDN ali obliko naslova IP (na primer computer1.fabrikam.com ali 157.60.0.1). Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331675, "Remote Desktop can't connect to the remote computer \"\" for one of these reasons:  1) Your user account is not listed in the RD Gateway's permission list 2) You might have specified the remote computer in NetBIOS format (for example, computer1), but the RD Gateway is expecting an FQDN or IP address format (for example, computer1.fabrikam.com or 157.60.0.1).  Contact your network administrator for assistance." }, /* en */
	{ 50331675, "Remote Desktop kann aus engem vun de folgende Grënn keng Verbindung mam Remotecomputer \"\" hierstellen: 1) Äre Benotzerkont ass net an der Berechtegungslëscht vum RD-Gateway opgelëscht. 2) Dir hutt de Remotecomputer méiglecherweis am NetBIOS-Format uginn (z. B. computer1), awer d'RD-Gateway erwaart en FQDN- oder IP-Adressformat (z. B. computer1.fabrikam.com oder 157.60.0.1). Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331675, "Remotedesktop kann aus einem der folgenden Gründe keine Verbindung mit dem entfernten Computer herstellen \"\": 1) Ihr Benutzerkonto ist nicht in der Berechtigungsliste des RD-Gateways aufgeführt. 2) Sie haben den Remotecomputer möglicherweise im NetBIOS-Format angegeben (z. B. computer1), aber das RD-Gateway erwartet ein FQDN- oder IP-Adressformat (z. B. computer1.fabrikam.com oder 157.60.0.1). Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331675, "リモートデスクトップは、次のいずれかの理由により、リモートコンピューター \"\" に接続できません。1) RDゲートウェイのアクセス許可リストにユーザーアカウントが登録されていない。2) リモートコンピューターをNetBIOS形式（例：computer1）で指定したが、RDゲートウェイではFQDNまたはIPアドレス形式（例：computer1.fabrikam.comまたは157.60.0.1）が想定されている。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331675, "远程桌面无法连接到远程计算机“”，原因如下：1） 您的用户帐户未在 RD 网关的权限列表中列出 2） 您可能已经以 NetBIOS 格式（例如：computer1）指定了远程计算机，但 RD 网关需要 FQDN 或 IP 地址格式（例如：computer1.fabrikam.com 或 157.60.0.1）。 请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331675, "遠端桌面無法連線至 \"\" 主機，原因可能為下列之一：1) 您的帳號不在 RD 閘道的授權清單中。2) 您以 NetBIOS 格式（如 computer1）指定了遠端主機，但 RD 閘道預期使用 FQDN 或 IP 位址格式（例如 computer1.fabrikam.com 或 157.60.0.1）。  請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331675, "원격 데스크톱이 원격 컴퓨터에 연결할 수 없는 이유 중 하나입니다: 1) 사용자 계정이 RD 게이트웨이의 권한 목록에 없습니다 2) 원격 컴퓨터를 NetBIOS 형식(예: computer1)으로 지정했을 수도 있지만 RD 게이트웨이는 FQDN 또는 IP 주소 형식 (예: computer1.fabrikam.com 또는 157.60.0.1)을 기대하고 있습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331676, "A Área de Trabalho Remota não consegue se conectar ao computador remoto \"\" por um destes motivos: 1) Sua conta de usuário não está autorizada a acessar o Gateway RD \"\" 2) Seu computador não está autorizado a acessar o Gateway RD \"\" 3) Você estiver usando um método de autenticação incompatível (por exemplo, o gateway RD pode estar esperando um cartão inteligente, mas você forneceu uma senha). Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331676, "Desktop remoto non può connettersi al computer remoto per uno di questi motivi: " }, /* it-IT */
	{ 50331676, "Le Bureau à distance ne peut pas se connecter à l'ordinateur distant \"\" pour l'une de ces raisons: 1) Votre compte utilisateur n'est pas autorisé à accéder à la passerelle RD \"\" 2) Votre ordinateur n'est pas autorisé à accéder à la passerelle RD \"\" 3) Vous vous utilisez une méthode d'authentification incompatible (par exemple, la RD Gateway attend peut-être une carte à puce mais vous avez fourni un mot de passe). Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331676, "Oddaljeno namizje se ne more povezati z oddaljenim računalnikom \"\" zaradi enega od teh razlogov: 1) Vaš uporabniški račun ni pooblaščen za dostop do prehoda RD \"\" 2) Vaš računalnik ni pooblaščen za dostop do prehoda RD \"\" 3) Vi uporabljate nezdružljivi način preverjanja pristnosti (na primer, prehod RD morda pričakuje pametno kartico, vi pa ste vnesli geslo) Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331676, "Remote Desktop can't connect to the remote computer \"\" for one of these reasons:  1) Your user account is not authorized to access the RD Gateway \"\" 2) Your computer is not authorized to access the RD Gateway \"\" 3) You are using an incompatible authentication method (for example, the RD Gateway might be expecting a smart card but you provided a password)  Contact your network administrator for assistance." }, /* en */
	{ 50331676, "Remote Desktop kann aus engem vun de folgende Grënn keng Verbindung mam Remotecomputer \"\" hierstellen: 1) Äre Benotzerkont ass net autoriséiert, op d'RD-Gateway \"\" zouzegräifen. 2) Äre Computer ass net autoriséiert, op d'RD-Gateway \"\" zouzegräifen. 3) Dir benotzt eng inkompatibel Authentifizéierungsmethod (z. B. erwaart d'RD-Gateway eng Smartcard, Dir hutt awer e Passwuert uginn). Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331676, "Remotedesktop kann aus einem der folgenden Gründe keine Verbindung mit dem entfernten Computer herstellen \"\": 1) Ihr Benutzerkonto ist nicht für den Zugriff auf den RD-Gateway autorisiert \"\" 2) Ihr Computer ist nicht für den Zugriff auf den RD-Gateway autorisiert \"\" 3) Sie verwenden eine inkompatible Authentifizierungsmethode (z. B. erwartet der RD-Gateway eine Smartcard, Sie haben jedoch ein Kennwort angegeben). Wenden Sie sich an Ihren Netzwerkadministrator." }, /* de-DE */
	{ 50331676, "リモート デスクトップは、次のいずれかの理由により、リモート コンピューター \"\" に接続できません。1) ユーザー アカウントに RD ゲートウェイ \"\" へのアクセスが許可されていません。2) コンピューターに RD ゲートウェイ \"\" へのアクセスが許可されていません。3) 互換性のない認証方法を使用しています (たとえば、RD ゲートウェイがスマート カードを必要としているのに、パスワードを入力したなど)。サポートについては、ネットワーク管理者に問い合わせてください。" }, /* ja-JP */
	{ 50331676, "远程桌面无法连接到远程计算机“”，原因如下：1） 你的用户帐户没有权限访问 RD 网关 “” 2） 你的计算机没有权限访问 RD 网关 “” 3） 您正在使用不兼容的身份验证方式（例如：RD 网关可能需要智能卡，但您提供了密码）。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331676, "遠端桌面無法連線至 \"\" 主機，原因可能為下列之一：1) 您的帳號未被授權存取 RD 閘道 \"\"。2) 您的電腦未被授權存取 RD 閘道 \"\"。3) 您使用了不相容的驗證方式（例如，RD 閘道可能要求智慧卡，但您提供的是密碼）。  請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331676, "원격 데스크톱이 원격 컴퓨터에 연결할 수 없는 이유 중 하나입니다: 1) 사용자 계정이 RD 게이트웨이에 액세스할 권한이 없습니다. 2) 컴퓨터가 RD 게이트웨이에 액세스할 권한이 없습니다. 3) 호환되지 않는 인증 방법을 사용 중입니다(예: RD 게이트웨이가 스마트 카드를 기대하고 있지만 비밀번호를 제공한 경우). 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331679, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der Netzwerkadministrator den Zugriff auf diesen RD Gatewayserver eingeschränkt hat. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331679, "Questo computer non può connettersi al computer remoto perché l'amministratore di rete ha limitato l'accesso a questo server gateway  desktop remoto. " }, /* it-IT */
	{ 50331679, "Seu computador não consegue se conectar ao computador remoto porque o administrador da rede restringiu o acesso a este servidor Gateway RD. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331679, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je skrbnik omrežja omejil dostop do tega Prehodnega strežnika RD. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331679, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car votre administrateur réseau a limité l'accès à ce serveur RD Gateway. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331679, "Your computer can't connect to the remote computer because your network administrator has restricted access to this RD Gateway server. Contact your network administrator for assistance." }, /* en */
	{ 50331679, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well Äre Netzwierkadministrator den Zougang zu dësem RD-Gateway-Server ageschränkt huet. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331679, "ネットワーク管理者がこのRDゲートウェイサーバーへのアクセスを制限しているため、お使いのコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331679, "您的计算机无法连接到远程计算机，因为您的网络管理员已限制对此 RD 网关服务器的访问。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331679, "您的電腦無法連線至遠端主機，因為網路管理員已限制存取此 RD 閘道伺服器。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331679, "네트워크 관리자가 이 RD 게이트웨이 서버에 대한 액세스를 제한했기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331680, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da der Web-Proxy-Server eine Authentifizierung erfordert. Wenden Sie sich an Ihren Netzwerkadministrator, um unauthentifizierten Datenverkehr zu einem RD-Gatewayserver über Ihren Webproxyserver zuzulassen." }, /* de-DE */
	{ 50331680, "Questo computer non può connettersi al computer remoto perché il server proxy web richiede l'autenticazione. " }, /* it-IT */
	{ 50331680, "Seu computador não consegue se conectar ao computador remoto porque o servidor proxy da web requer autenticação. Para permitir o tráfego não autenticado para um servidor Gateway RD através do seu servidor proxy da Web, entre em contato com o administrador da rede." }, /* pt-BR */
	{ 50331680, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker spletni namestniški strežnik zahteva preverjanje pristnosti. Če želite omogočiti nepreverjen promet do Prehodnega strežnika RD prek vašega spletnega namestniškega strežnika, se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331680, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur proxy Web requiert une authentification. Pour autoriser le trafic non authentifié vers un serveur RD Gateway via votre serveur proxy Web, contactez votre administrateur réseau." }, /* fr-FR */
	{ 50331680, "Webプロキシサーバーが認証を必要とするため、お使いのコンピューターはリモートコンピューターに接続できません。Webプロキシサーバー経由でRDゲートウェイサーバーへの認証されていないトラフィックを許可するには、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331680, "Your computer can't connect to the remote computer because the web proxy server requires authentication. To allow unauthenticated traffic to an RD Gateway server through your web proxy server, contact your network administrator." }, /* en */
	{ 50331680, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Web-Proxy-Server eng Authentifizéierung erfuerdert. Wennt Iech un Äre Netzwierkadministrator, fir net-authentifizéierten Datentrafic zu engem RD-Gateway-Server iwwer Äre Web-Proxy-Server zouzeloossen." }, /* lb-LU */
	{ 50331680, "您的计算机无法连接到远程计算机，因为 Web 代理服务器需要身份验证。若要允许通过 Web 代理服务器向 RD 网关服务器发送未经身份验证的流量，请与您的网络管理员联系。" }, /* zh-CN */
	{ 50331680, "您的電腦無法連線至遠端主機，因為網頁代理伺服器需要驗證。若要允許未經驗證的流量透過網頁代理到 RD 閘道伺服器，請聯絡網路管理員。" }, /* zh-TW */
	{ 50331680, "웹 프록시 서버에 인증이 필요하기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 웹 프록시 서버를 통해 RD 게이트웨이 서버로 인증되지 않은 트래픽을 허용하려면 네트워크 관리자에게 문의하세요." }, /* ko-KR */
	{ 50331682, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der Remotedesktop-Gatewayserver die maximal zulässige Anzahl von Verbindungen erreicht hat. Versuchen Sie, die Verbindung später wieder herzustellen, oder wenden Sie sich an Ihren Netzwerkadministrator." }, /* de-DE */
	{ 50331682, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto ha raggiunto il numero massimo di connessioni consentite. " }, /* it-IT */
	{ 50331682, "Seu computador não consegue se conectar ao computador remoto porque o servidor Remote Desktop Gateway atingiu o máximo de conexões permitidas. Tente reconectar mais tarde ou entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331682, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je Prehodni strežnik za oddaljeno namizje dosegel največje dovoljeno število povezav. Poskusite znova vzpostaviti povezavo pozneje ali se za pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331682, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant, car le serveur de passerelle Bureau à distance a atteint son nombre maximal de connexions autorisées. Essayez de vous reconnecter ultérieurement ou contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331682, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server reached its maximum allowed connections. Try reconnecting later or contact your network administrator for assistance." }, /* en */
	{ 50331682, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server seng maximal zoulässeg Unzuel u Verbindungen erreecht huet. Probéiert méi spéit erëm ze verbannen oder wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331682, "リモートデスクトップゲートウェイサーバーの接続数が上限に達したため、お使いのコンピューターはリモートコンピューターに接続できません。しばらくしてから再接続するか、ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331682, "您的计算机无法连接到远程计算机，因为远程桌面网关服务器已达到其允许的最大连接数。请稍后尝试重新连接或联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331682, "由於遠端桌面閘道伺服器已達到允許的最大連線數，您的電腦無法連線至遠端主機。請稍後再試或聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331682, "원격 데스크톱 게이트웨이 서버가 허용된 최대 연결 수에 도달했기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 나중에 다시 연결해 보거나 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331683, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da der Remotedesktop Gatewayserver die Anforderung nicht unterstützt. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331683, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto non supporta la richiesta. " }, /* it-IT */
	{ 50331683, "Seu computador não consegue se conectar ao computador remoto porque o servidor Remote Desktop Gateway não oferece suporte à solicitação. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331683, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker Prehodni strežnik za oddaljeno namizje ne podpira zahteve. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331683, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur de passerelle Bureau à distance ne prend pas en charge la demande. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331683, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server does not support the request. Contact your network administrator for assistance." }, /* en */
	{ 50331683, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server d'Ufro net ënnerstëtzt. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331683, "リモートデスクトップゲートウェイサーバーが要求をサポートしていないため、お使いのコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331683, "您的计算机无法连接到远程计算机，因为远程桌面网关服务器不支持该请求。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331683, "您的電腦無法連線至遠端主機，因為遠端桌面閘道伺服器不支援此請求。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331683, "원격 데스크톱 게이트웨이 서버가 요청을 지원하지 않기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331684, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der Client eine der Funktionen von Remote Desktop Gateway nicht unterstützt. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331684, "Questo computer non può connettersi al computer remoto perché il client non supporta una delle funzionalità del gateway desktop remoto. " }, /* it-IT */
	{ 50331684, "Seu computador não consegue se conectar ao computador remoto porque o cliente não oferece suporte a um dos recursos do Gateway de Área de Trabalho Remota. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331684, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker odjemalec ne podpira ene od zmožnosti prehoda za oddaljeno namizje. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331684, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le client ne prend pas en charge l'une des fonctionnalités de la passerelle Bureau à distance. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331684, "Your computer can't connect to the remote computer because the client does not support one of the Remote Desktop Gateway's capabilities. Contact your network administrator for assistance." }, /* en */
	{ 50331684, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Client eng vun de Funktioune vum Remote Desktop Gateway net ënnerstëtzt. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331684, "クライアントがリモートデスクトップゲートウェイの機能の1つをサポートしていないため、コンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331684, "您的计算机无法连接到远程计算机，因为客户端不支持远程桌面网关的某项功能。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331684, "您的電腦無法連線至遠端主機，因為客戶端不支援遠端桌面閘道的某項功能。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331684, "클라이언트가 원격 데스크톱 게이트웨이의 기능 중 하나를 지원하지 않기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331685, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der Remotedesktop-Gatewayserver und dieser Computer nicht kompatibel sind. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331685, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto e questo computer non sono compatibili. " }, /* it-IT */
	{ 50331685, "Seu computador não consegue se conectar ao computador remoto porque o servidor Remote Desktop Gateway e este computador são incompatíveis. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331685, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker Prehodni strežnik za oddaljeno namizje in ta računalnik nista združljiva. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331685, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur de passerelle Bureau à distance et cet ordinateur sont incompatibles. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331685, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server and this computer are incompatible. Contact your network administrator for assistance." }, /* en */
	{ 50331685, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server an dëse Computer net kompatibel sinn. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331685, "リモートデスクトップゲートウェイサーバーとこのコンピューターに互換性がないため、このコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331685, "您的计算机无法连接到远程计算机，因为远程桌面网关服务器和此计算机不兼容。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331685, "您的電腦無法連線至遠端主機，因為遠端桌面閘道伺服器與此電腦不相容。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331685, "원격 데스크톱 게이트웨이 서버와 이 컴퓨터가 호환되지 않아 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331688, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da kein Zertifikat für die Verwendung auf dem Remotedesktop-Gatewayserver konfiguriert wurde. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331688, "Questo computer non può connettersi al computer remoto perché non è stato configurato un certificato  per l'uso nel server gateway desktop remoto. " }, /* it-IT */
	{ 50331688, "Seu computador não consegue se conectar ao computador remoto porque nenhum certificado foi configurado para uso no servidor Gateway de Área de Trabalho Remota. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331688, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker ni bilo nastavljeno nobeno potrdilo za uporabo na Prehodnem strežniku za oddaljeno namizje. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331688, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car aucun certificat n'a été configuré pour être utilisé sur le serveur de passerelle Bureau à distance. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331688, "Your computer can't connect to the remote computer because no certificate was configured to use at the Remote Desktop Gateway server. Contact your network administrator for assistance." }, /* en */
	{ 50331688, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well kee Zertifikat fir d'Benotzung um Remote-Desktop-Gateway-Server konfiguréiert gouf. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331688, "リモートデスクトップゲートウェイサーバーで使用する証明書が構成されていないため、コンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331688, "您的计算机无法连接到远程计算机，因为没有配置在远程桌面网关服务器上使用的证书。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331688, "您的電腦無法連線至遠端主機，因為在遠端桌面閘道伺服器上未設定任何憑證可供使用。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331688, "원격 데스크톱 게이트웨이 서버에서 사용하도록 인증서가 구성되어 있지 않아 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331689, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der RD-Gatewayserver, zu dem Sie eine Verbindung herstellen möchten, vom Computeradministrator nicht zugelassen ist. Wenn Sie der Administrator sind, fügen Sie den Namen dieses Remotedesktop-Gatewayservers zur Liste der vertrauenswürdigen Remotedesktop-Gatewayserver auf Ihrem Computer hinzu und versuchen Sie dann erneut, eine Verbindung herzustellen." }, /* de-DE */
	{ 50331689, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto a cui stai tentando di connetterti non è autorizzato dall'amministratore del computer. " }, /* it-IT */
	{ 50331689, "Seu computador não consegue se conectar ao computador remoto porque o servidor Gateway RD ao qual você está tentando se conectar não é permitido pelo administrador do computador. Se você for o administrador, adicione este nome de servidor Gateway de Área de Trabalho Remota à lista confiável de servidores Gateway de Área de Trabalho Remota em seu computador e tente conectar-se novamente." }, /* pt-BR */
	{ 50331689, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker skrbnik računalnika ne dovoli Prehodnega strežnika za oddaljeno namizje, s katerim se poskušate povezati. Če ste skrbnik, dodajte to ime Prehodnega strežnika za oddaljeno namizje na seznam zaupanja vrednih Strežnikov prehoda za oddaljeno namizje v vašem računalniku in se nato poskusite znova povezati." }, /* sl-SI */
	{ 50331689, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur RD Gateway auquel vous essayez de vous connecter n'est pas autorisé par l'administrateur de votre ordinateur. Si vous êtes l'administrateur, ajoutez ce nom de serveur de passerelle Bureau à distance à la liste des serveurs de passerelle Bureau à distance approuvés sur votre ordinateur, puis essayez de vous connecter à nouveau." }, /* fr-FR */
	{ 50331689, "Your computer can't connect to the remote computer because the RD Gateway server that you are trying to connect to is not allowed by your computer administrator. If you are the administrator, add this Remote Desktop Gateway server name to the trusted Remote Desktop Gateway server list on your computer and then try connecting again." }, /* en */
	{ 50331689, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de RD-Gateway-Server, mat deem Dir Iech verbanne wëllt, vun Ärem Computeradministrator net zougelooss ass. Wann Dir den Administrator sidd, fügt den Numm vun dësem Remote-Desktop-Gateway-Server zu der Lëscht vun de vertrauenswürdege Remote-Desktop-Gateway-Server op Ärem Computer bäi a probéiert dann erëm ze verbannen." }, /* lb-LU */
	{ 50331689, "您的计算机无法连接到远程计算机，因为您尝试连接到的 RD 网关服务器未被您的计算机管理员允许。如果您是管理员，请将此远程桌面网关服务器名称添加到计算机上受信任的远程桌面网关服务器列表中，然后再次尝试连接。" }, /* zh-CN */
	{ 50331689, "您的電腦無法連線至遠端主機，因為您嘗試存取的 RD 閘道伺服器未被此電腦管理員允許。若您是該管理員，請將此遠端桌面閘道伺服器名稱加入電腦上「受信任的遠端桌面閘道伺服器」清單，再重新嘗試連線。" }, /* zh-TW */
	{ 50331689, "接続しようとしているRDゲートウェイサーバーがコンピューターの管理者によって許可されていないため、コンピューターはリモートコンピューターに接続できません。管理者の場合は、このリモートデスクトップゲートウェイサーバー名をコンピューターの信頼できるリモートデスクトップゲートウェイサーバー一覧に追加してから、再度接続してください。" }, /* ja-JP */
	{ 50331689, "컴퓨터 관리자가 연결하려는 RD 게이트웨이 서버가 허용되지 않아 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 관리자인 경우 이 원격 데스크톱 게이트웨이 서버 이름을 컴퓨터의 신뢰할 수 있는 원격 데스크톱 게이트웨이 서버 목록에 추가한 다음 다시 연결해 보세요." }, /* ko-KR */
	{ 50331690, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil Ihr Computer oder Gerät die vom Netzwerkadministrator festgelegten Anforderungen für den Netzwerkzugriffsschutz aus einem der folgenden Gründe nicht erfüllt: 1) Der Name des Remotedesktop-Gatewayservers und der Betreff des Zertifikats für den öffentlichen Schlüssel des Servers stimmen nicht überein. 2) Das Zertifikat ist abgelaufen oder wurde widerrufen. 3) Die Stammzertifizierungsstelle vertraut dem Zertifikat nicht. 4) Die Schlüsselerweiterung des Zertifikats unterstützt keine Verschlüsselung. 5) Ihr Computer kann die Zertifikatswiderrufsliste nicht verifizieren. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331690, "Questo computer non può connettersi al computer remoto perché questo  computer o dispositivo non soddisfa i requisiti di protezione accesso alla rete impostati dall'amministratore di rete, per uno dei seguenti motivi: " }, /* it-IT */
	{ 50331690, "Seu computador não pode se conectar ao computador remoto porque seu computador ou dispositivo não atendeu aos requisitos de proteção de acesso à rede definidos pelo administrador de rede, por um dos seguintes motivos: 1) O nome do servidor Remote Desktop Gateway e o certificado de chave pública do servidor o nome do assunto não corresponde. 2) O certificado expirou ou foi revogado. 3) A autoridade raiz do certificado não confia no certificado. 4) A extensão da chave do certificado não oferece suporte à criptografia. 5) Seu computador não consegue verificar a lista de certificados revogados. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331690, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker vaš računalnik ali naprava ni izpolnjevala zahtev za zaščito dostopa do omrežja, ki jih je določil skrbnik omrežja, zaradi enega od naslednjih razlogov: 1) Ime Prehodnega strežnika za oddaljeno namizje in potrdilo javnega ključa strežnika ime predmeta se ne ujema. 2) Potrdilo je poteklo ali je bilo preklicano. 3) Korenski organ potrdila ne zaupa potrdilu. 4) Razširitev ključa potrdila ne podpira šifriranja. 5) Vaš računalnik ne more preveriti seznama preklicanih potrdil. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331690, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car votre ordinateur ou périphérique ne répond pas aux exigences de protection d'accès réseau définies par votre administrateur réseau, pour l'une des raisons suivantes: 1) Le nom du serveur de passerelle Bureau à distance et le nom du sujet du certificat de clé publique du serveur ne correspondent pas. 2) Le certificat a expiré ou a été révoqué. 3) L'autorité racine du certificat ne fait pas confiance au certificat. 4) L'extension de clé de certificat ne prend pas en charge le cryptage. 5) Votre ordinateur ne peut pas vérifier la liste de révocation des certificats. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331690, "Your computer can't connect to the remote computer because your computer or device did not meet the Network Access Protection requirements set by your network administrator, for one of the following reasons:  1) The Remote Desktop Gateway server name and the server's public key certificate subject name do not match. 2) The certificate has expired or has been revoked. 3) The certificate root authority does not trust the certificate. 4) The certificate key extension does not support encryption. 5) Your computer cannot verify the certificate revocation list.  Contact your network administrator for assistance." }, /* en */
	{ 50331690, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well Äre Computer oder Apparat aus engem vun de folgende Grënn d'Ufuerderunge fir den Netzwierkzougangsschutz, déi vun Ärem Netzwierkadministrator festgeluecht goufen, net erfëllt: 1) Den Numm vum Remote-Desktop-Gateway-Server an de Sujet vum ëffentleche Schlësselzertifikat vum Server stëmmen net iwwereneen. 2) D'Zertifikat ass ofgelaf oder zréckgezunn. 3) D'Stammzertifizéierungsstell vertraut dem Zertifikat net. 4) D'Schlësselerweiderung vum Zertifikat ënnerstëtzt keng Verschlësselung. 5) Äre Computer kann d'Zertifikatszréckruff-Lëscht net iwwerpréiwen. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331690, "お使いのコンピューターまたはデバイスがネットワーク管理者によって設定されたネットワークアクセス保護の要件を満たしていないため、リモートコンピューターに接続できません。原因としては、次のいずれかが挙げられます。1) リモートデスクトップゲートウェイのサーバー名とサーバーの公開キー証明書のサブジェクト名が一致しません。2) 証明書の有効期限が切れているか、失効しています。3) 証明書ルート証明機関が証明書を信頼していません。4) 証明書キーの拡張が暗号化をサポートしていません。5) お使いのコンピューターが証明書失効リストを検証できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331690, "您的電腦無法連線至遠端主機，因為您的電腦或裝置未符合網路存取保護設定的要求，原因可能為下列之一：1) RD 閘道伺服器名稱與其公開金鑰憑證主旨不符。2) 憑證已過期或被吊銷。3) 根憑證機構不信任該憑證。4) 憑證關鍵延伸不支援加密。5) 您的電腦無法驗證憑證撤銷清單。  請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331690, "由于以下原因之一，您的计算机无法连接到远程计算机，因为您的计算机或设备不符合网络管理员设置的网络访问保护要求：1） 远程桌面网关服务器名称和服务器的公钥证书使用者名称不匹配。2）证书已过期或已被吊销。3） 证书根颁发机构不信任该证书。4）证书密钥扩展不支持加密。5） 您的计算机无法验证证书吊销列表。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331690, "컴퓨터나 장치가 네트워크 관리자가 설정한 네트워크 접근 보호 요구 사항을 충족하지 못했기 때문에 다음과 같은 이유로 원격 컴퓨터에 연결할 수 없습니다: 1) 원격 데스크톱 게이트웨이 서버 이름과 서버의 공용 키 인증서 주체 이름이 일치하지 않습니다. 2) 인증서가 만료되었거나 취소되었습니다. 3) 인증서 루트 권한이 인증서를 신뢰하지 않습니다. 4) 인증서 키 확장이 암호화를 지원하지 않습니다. 5) 컴퓨터가 인증서 해지 목록을 확인할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331691, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da für die Authentifizierung beim Remotedesktop-Gatewayserver ein Benutzername und ein Kennwort anstelle von Smartcard-Anmeldeinformationen erforderlich sind." }, /* de-DE */
	{ 50331691, "Questo computer non può connettersi al computer remoto perché sono necessari un nome utente e una password per l'autenticazione al server gateway desktop remoto anziché le credenziali della smart card." }, /* it-IT */
	{ 50331691, "Seu computador não pode se conectar ao computador remoto porque são necessários um nome de usuário e uma senha para autenticar no servidor Gateway de Área de Trabalho Remota em vez de credenciais de cartão inteligente." }, /* pt-BR */
	{ 50331691, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker sta za preverjanje pristnosti na Prehodnem strežniku za oddaljeno namizje potrebna uporabniško ime in geslo namesto poverilnic pametne kartice." }, /* sl-SI */
	{ 50331691, "Votre ordinateur ne peut pas se connecter à l’ordinateur distant car nom d’utilisateur et mot de passe sont requis pour s’authentifier auprès du serveur de passerelle Bureau à distance au lieu des infos d’identification de carte à puce." }, /* fr-FR */
	{ 50331691, "Your computer can't connect to the remote computer because a user name and password are required to authenticate to the Remote Desktop Gateway server instead of smart card credentials." }, /* en */
	{ 50331691, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well fir d'Authentifizéierung um Remote-Desktop-Gateway-Server e Benotzernumm an e Passwuert amplaz vu Smartcard-Umeldungsdaten erfuerderlech sinn." }, /* lb-LU */
	{ 50331691, "رایانه شما امکان اتصال به رایانه راه دور را ندارد زیرا نام کاربری و گذرواژه مورد نیاز است برای احراز هویت کارگزار دروازه Remote Desktop به جای داده های احراز هویت کارت هوشمند." }, /* fa_IR */
	{ 50331691, "リモート デスクトップ ゲートウェイ サーバーへの認証にはスマート カードの資格情報ではなくユーザー名とパスワードが必要なため、コンピューターはリモート コンピューターに接続できません。" }, /* ja-JP */
	{ 50331691, "您的计算机无法连接到远程计算机，因为需要用户名和密码才能对远程桌面网关服务器进行身份验证，而不是智能卡凭据。" }, /* zh-CN */
	{ 50331691, "您的電腦無法連線至遠端主機，因為需使用帳號與密碼以驗證至 RD 閘道伺服器，而非智慧卡憑證。" }, /* zh-TW */
	{ 50331691, "스마트 카드 자격 증명 대신 원격 데스크톱 게이트웨이 서버에 인증하려면 사용자 이름과 비밀번호가 필요하므로 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다." }, /* ko-KR */
	{ 50331692, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil für die Authentifizierung beim Remotedesktop-Gatewayserver Smartcard-Anmeldeinformationen anstelle eines Benutzernamens und Kennworts erforderlich sind." }, /* de-DE */
	{ 50331692, "Questo computer non può connettersi al computer remoto perché sono necessarie per l'autenticazione al server gateway desktop remoto le credenziali della smart card invece di un nome utente e una password." }, /* it-IT */
	{ 50331692, "Seu computador não pode se conectar ao computador remoto porque são necessárias credenciais de cartão inteligente para autenticação no servidor Gateway de Área de Trabalho Remota, em vez de um nome de usuário e senha." }, /* pt-BR */
	{ 50331692, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker so za preverjanje pristnosti na Prehodnem strežniku za oddaljeno namizje namesto uporabniškega imena in gesla potrebne poverilnice pametne kartice." }, /* sl-SI */
	{ 50331692, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car des infos d'identification de carte à puce sont requises pour s'authentifier auprès du serveur de passerelle Bureau à distance au lieu du nom d'utilisateur et mot de passe." }, /* fr-FR */
	{ 50331692, "Your computer can't connect to the remote computer because smart card credentials are required to authenticate to the Remote Desktop Gateway server instead of a user name and password." }, /* en */
	{ 50331692, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well fir d'Authentifizéierung um Remote-Desktop-Gateway-Server Smartcard-Umeldungsdaten amplaz vun engem Benotzernumm an engem Passwuert erfuerderlech sinn." }, /* lb-LU */
	{ 50331692, "رایانه شما امکان اتصال به رایانه راه دور را ندارد زیرا داده های احراز هویت کارت هوشمند مورد نیاز است برای احراز هویت کارگزار دروازه Remote Desktop به جای نام کاربری و گذرواژه." }, /* fa_IR */
	{ 50331692, "リモート デスクトップ ゲートウェイ サーバーに認証するには、ユーザー名とパスワードではなく、スマート カードの資格情報が必要であるため、コンピューターはリモート コンピューターに接続できません。" }, /* ja-JP */
	{ 50331692, "您的计算机无法连接到远程计算机，因为需要智能卡凭据才能向远程桌面网关服务器进行身份验证，而不是用户名和密码。" }, /* zh-CN */
	{ 50331692, "您的電腦無法連線至遠端主機，因為需要使用智慧卡憑證以驗證至 RD 閘道伺服器，而非帳號與密碼。" }, /* zh-TW */
	{ 50331692, "원격 데스크톱 게이트웨이 서버에 인증하려면 사용자 이름과 비밀번호 대신 스마트 카드 자격 증명이 필요하므로 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다." }, /* ko-KR */
	{ 50331700, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da ein ungültiges Cookie an den Remotedesktop-Gatewayderver gesendet wurde. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331700, "Questo computer non può connettersi al computer remoto perché è stato inviato un cookie non valido al server gateway desktop remoto. " }, /* it-IT */
	{ 50331700, "Seu computador não consegue se conectar ao computador remoto porque um cookie inválido foi enviado ao servidor Remote Desktop Gateway. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331700, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je bil Prehodnem strežniku za oddaljeno namizje poslan neveljaven piškotek. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331700, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car un cookie non valide a été envoyé au serveur de passerelle Bureau à distance. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331700, "Your computer can't connect to the remote computer because an invalid cookie was sent to the Remote Desktop Gateway server. Contact your network administrator for assistance." }, /* en */
	{ 50331700, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well e ongültegt Cookie un de Remote-Desktop-Gateway-Server geschéckt gouf. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331700, "リモートデスクトップゲートウェイサーバーに無効なCookieが送信されたため、お使いのコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331700, "您的计算机无法连接到远程计算机，因为向远程桌面网关服务器发送了无效的 Cookie。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331700, "您的電腦無法連線至遠端主機，因為送往 RD 閘道伺服器的 Cookie 無效。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331700, "잘못된 쿠키가 원격 데스크톱 게이트웨이 서버로 전송되어 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331701, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, da das Cookie vom Remotedesktop-Gatewayserver abgelehnt wurde. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331701, "Questo computer non può connettersi al computer remoto perché il cookie è stato rifiutato dal server gateway desktop remoto. " }, /* it-IT */
	{ 50331701, "Seu computador não consegue se conectar ao computador remoto porque o cookie foi rejeitado pelo servidor Remote Desktop Gateway. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331701, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker je Prehodni strežnik za oddaljeno namizje zavrnil piškotek. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331701, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le cookie a été rejeté par le serveur de passerelle Bureau à distance. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331701, "Your computer can't connect to the remote computer because the cookie was rejected by the Remote Desktop Gateway server. Contact your network administrator for assistance." }, /* en */
	{ 50331701, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well d'Cookie vum Remote-Desktop-Gateway-Server ofgeleent gouf. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331701, "リモートデスクトップゲートウェイサーバーによってCookieが拒否されたため、コンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331701, "您的计算机无法连接到远程计算机，因为远程桌面网关服务器拒绝了该 Cookie。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331701, "您的電腦無法連線至遠端主機，因為 RD 閘道伺服器拒絕了 Cookie。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331701, "쿠키가 원격 데스크톱 게이트웨이 서버에서 거부되어 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 도움을 요청하세요." }, /* ko-KR */
	{ 50331703, "Ihr Computer kann keine Verbindung zum Remotecomputer herstellen, weil der Remotedesktop-Gatewayserver eine andere Authentifizierungsmethode erwartet als die, die versucht wurde. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331703, "Questo computer non può connettersi al computer remoto perché il server gateway desktop remoto prevede un metodo di autenticazione diverso da quello usato. " }, /* it-IT */
	{ 50331703, "Seu computador não consegue se conectar ao computador remoto porque o servidor Gateway de Área de Trabalho Remota espera um método de autenticação diferente daquele tentado. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331703, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker Prehodni strežnik za oddaljeno namizje pričakuje drugačen način preverjanja pristnosti od tistega, ki je bil uporabljen. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331703, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car le serveur de passerelle Bureau à distance attend une méthode d'authentification différente de celle tentée. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331703, "Your computer can't connect to the remote computer because the Remote Desktop Gateway server is expecting an authentication method different from the one attempted. Contact your network administrator for assistance." }, /* en */
	{ 50331703, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well de Remote-Desktop-Gateway-Server eng aner Authentifizéierungsmethod erwaart wéi déi, déi probéiert gouf. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331703, "リモートデスクトップゲートウェイサーバーが、試行した認証方法とは異なる認証方法を要求しているため、お使いのコンピューターはリモートコンピューターに接続できません。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331703, "您的计算机无法连接到远程计算机，因为远程桌面网关服务器需要的身份验证方法与尝试的身份验证方法不同。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331703, "您的電腦無法連線至遠端主機，因為 RD 閘道伺服器預期的驗證方式與您所使用的不符。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331703, "원격 데스크톱 게이트웨이 서버가 시도한 인증 방법과 다른 인증 방법을 기대하고 있기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331704, "A conexão do Gateway RD foi encerrada porque a autenticação periódica do usuário falhou. Tente se reconectar com um nome de usuário e senha corretos. Se a reconexão falhar, entre em contato com o administrador da rede para obter mais assistência." }, /* pt-BR */
	{ 50331704, "D'RD-Gateway-Verbindung gouf beendegt, well déi periodesch Benotzerauthentifizéierung feelgeschloen ass. Probéiert mat engem korrekte Benotzernumm a Passwuert erëm ze verbannen. Wann d'Reverbindung feelschléit, wennt Iech un Äre Netzwierkadministrator fir weider Hëllef." }, /* lb-LU */
	{ 50331704, "Die RD-Gateway-Verbindung wurde beendet, weil die periodische Benutzerauthentifizierung fehlgeschlagen ist. Versuchen Sie, die Verbindung mit einem korrekten Benutzernamen und Kennwort wiederherzustellen. Wenn die Wiederherstellung der Verbindung fehlschlägt, wenden Sie sich an Ihren Netzwerkadministrator, um weitere Unterstützung zu erhalten." }, /* de-DE */
	{ 50331704, "La connessione al gateway desktop remoto è terminata perché l'autenticazione utente periodica non è riuscita. " }, /* it-IT */
	{ 50331704, "La connexion RD Gateway a pris fin car l'authentification périodique des utilisateurs a échoué. Essayez de vous connecter avec un nom d'utilisateur et mot de passe corrects. Si la reconnexion échoue, contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331704, "Povezava s prehodom oddaljenega namizja se je prekinila, ker periodično preverjanje pristnosti uporabnika ni uspelo. Poskusite se znova povezati s pravilnim uporabniškim imenom in geslom. Če ponovna povezava ne uspe, se za nadaljnjo pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331704, "RD 閘道連線已結束，原因是周期性使用者驗證失敗。請重新以正確的帳號與密碼進行連線；若仍無法成功，請聯絡網路管理員進一步協助。" }, /* zh-TW */
	{ 50331704, "The RD Gateway connection ended because periodic user authentication failed. Try reconnecting with a correct user name and password. If the reconnection fails, contact your network administrator for further assistance." }, /* en */
	{ 50331704, "주기적인 사용자 인증에 실패하여 RD 게이트웨이 연결이 종료되었습니다. 올바른 사용자 이름과 비밀번호로 다시 연결해 보세요. 재연결에 실패하면 네트워크 관리자에게 연락하여 추가 지원을 요청하세요." }, /* ko-KR */
	{ 50331705, "A conexão do Gateway RD foi encerrada porque a autorização periódica do usuário falhou. Tente se reconectar com um nome de usuário e senha corretos. Se a reconexão falhar, entre em contato com o administrador da rede para obter mais assistência." }, /* pt-BR */
	{ 50331705, "D'RD-Gateway-Verbindung gouf beendegt, well déi periodesch Benotzerautoriséierung feelgeschloen ass. Probéiert mat engem korrekte Benotzernumm a Passwuert erëm ze verbannen. Wann d'Reverbindung feelschléit, wennt Iech un Äre Netzwierkadministrator fir weider Hëllef." }, /* lb-LU */
	{ 50331705, "Die RD-Gateway-Verbindung wurde beendet, weil die periodische Benutzerautorisierung fehlgeschlagen ist. Versuchen Sie, die Verbindung mit einem korrekten Benutzernamen und Kennwort wiederherzustellen. Wenn die erneute Verbindung fehlschlägt, wenden Sie sich an Ihren Netzwerkadministrator, um weitere Unterstützung zu erhalten." }, /* de-DE */
	{ 50331705, "La connessione al gateway desktop remoto è terminata perché l'autorizzazione utente periodica non è riuscita. " }, /* it-IT */
	{ 50331705, "La connexion RD Gateway a pris fin car l'autorisation périodique de l'utilisateur a échoué. Essayez de vous connecter avec un nom d'utilisateur et mot de passe corrects. Si la reconnexion échoue, contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331705, "Povezava s prehodom oddaljenega namizja, ker periodično pooblastilo uporabnika ni uspelo. Poskusite se znova povezati s pravilnim uporabniškim imenom in geslom. Če ponovna povezava ne uspe, se za nadaljnjo pomoč obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331705, "RD 閘道連線已結束，原因是周期性使用者授權失敗。請重新以正確的帳號與密碼進行連線；若仍無法成功，請聯絡網路管理員進一步協助。" }, /* zh-TW */
	{ 50331705, "The RD Gateway connection ended because periodic user authorization failed. Try reconnecting with a correct user name and password. If the reconnection fails, contact your network administrator for further assistance." }, /* en */
	{ 50331705, "주기적인 사용자 승인에 실패하여 RD 게이트웨이 연결이 종료되었습니다. 올바른 사용자 이름과 비밀번호로 다시 연결해 보세요. 재연결에 실패하면 네트워크 관리자에게 연락하여 추가 지원을 요청하세요." }, /* ko-KR */
	{ 50331707, "Ihr Computer kann keine Verbindung mit dem Remotecomputer herstellen, weil Remotedesktop-Gateway und der Remotecomputer keine Richtlinien austauschen können. Dies kann aus einem der folgenden Gründe geschehen: 1. Der Remotecomputer ist nicht in der Lage, Richtlinien mit dem Remotedesktop-Gateway auszutauschen. 2. Die Konfiguration des Remotecomputers lässt eine neue Verbindung nicht zu. 3. Die Verbindung zwischen dem Remotedesktop-Gateway und dem Remotecomputer wurde beendet. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331707, "Questo computer non può connettersi al computer remoto perché il gateway desktop remoto ed il computer remoto non sono in grado di scambiare i criteri. " }, /* it-IT */
	{ 50331707, "Seu computador não consegue se conectar ao computador remoto porque o Gateway de Área de Trabalho Remota e o computador remoto não conseguem trocar políticas. Isso pode acontecer por um dos seguintes motivos: 1. O computador remoto não é capaz de trocar políticas com o Gateway de Área de Trabalho Remota. 2. A configuração do computador remoto não permite uma nova conexão. 3. A conexão entre o Gateway de Área de Trabalho Remota e o computador remoto foi encerrada. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331707, "Vaš računalnik se ne more povezati z oddaljenim računalnikom, ker prehod za oddaljeno namizje in oddaljeni računalnik ne moreta izmenjati politik. To se lahko zgodi zaradi enega od naslednjih razlogov: 1. Oddaljeni računalnik ne more izmenjevati politik s prehodom za oddaljeno namizje. 2. Nastavitve oddaljenega računalnika ne dovoljuje nove povezave. 3. Povezava med prehodom za oddaljeno namizje in oddaljenim računalnikom je prekinjena. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331707, "Votre ordinateur ne peut pas se connecter à l'ordinateur distant car la passerelle Bureau à distance et l'ordinateur distant ne peuvent pas échanger de stratégies. Cela peut se produire pour l'une des raisons suivantes:    1. L'ordinateur distant n'est pas capable d'échanger des stratégies avec la passerelle Bureau à distance.    2. La configuration de l'ordinateur distant ne permet pas de nouvelle connexion.    3. La connexion entre la passerelle Bureau à distance et l'ordinateur distant a pris fin.       Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331707, "Your computer can't connect to the remote computer because the Remote Desktop Gateway and the remote computer are unable to exchange policies. This could happen due to one of the following reasons:     1. The remote computer is not capable of exchanging policies with the Remote Desktop Gateway.     2. The remote computer's configuration does not permit a new connection.     3. The connection between the Remote Desktop Gateway and the remote computer ended.    Contact your network administrator for assistance." }, /* en */
	{ 50331707, "Äre Computer kann keng Verbindung mam Remotecomputer hierstellen, well d'Remote-Desktop-Gateway an de Remotecomputer keng Richtlinnen austausche kënnen. Dat kann aus engem vun de folgende Grënn geschéien: 1. De Remotecomputer ass net fäeg, Richtlinne mat der Remote-Desktop-Gateway auszetauschen. 2. D'Konfiguratioun vum Remotecomputer léisst keng nei Verbindung zou. 3. D'Verbindung tëscht der Remote-Desktop-Gateway an dem Remotecomputer gouf beendegt. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331707, "リモートデスクトップゲートウェイとリモートコンピュータがポリシーを交換できないため、コンピュータはリモートコンピュータに接続できません。これは、次のいずれかの理由により発生する可能性があります。1. リモートコンピュータがリモートデスクトップゲートウェイとポリシーを交換できない。2. リモートコンピュータの構成で新しい接続が許可されていない。3. リモートデスクトップゲートウェイとリモートコンピュータ間の接続が終了している。ネットワーク管理者に問い合わせてください。" }, /* ja-JP */
	{ 50331707, "您的计算机无法连接到远程计算机，因为远程桌面网关和远程计算机无法交换策略。这可能是由于以下原因造成的： 1. 远程计算机无法与远程桌面网关交换策略。 2. 远程计算机的配置不允许新连接。 3. 远程桌面网关与远程计算机之间的连接已结束。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331707, "您的電腦無法連線至遠端主機，因為 RD 閘道與遠端主機未能交換政策。可能的原因包括：     1. 遠端主機不支援與 RD 閘道交換政策。      2. 遠端主機設定不允許建立新連線。     3. RD 閘道與遠端主機之間的連線已中斷。     請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331707, "원격 데스크톱 게이트웨이와 원격 컴퓨터가 정책을 교환할 수 없기 때문에 컴퓨터가 원격 컴퓨터에 연결할 수 없습니다. 이는 다음과 같은 이유 중 하나로 인해 발생할 수 있습니다: 1. 원격 컴퓨터가 원격 데스크톱 게이트웨이와 정책을 교환할 수 없습니다. 2. 원격 컴퓨터의 구성이 새 연결을 허용하지 않습니다. 3. 원격 데스크톱 게이트웨이와 원격 컴퓨터 간의 연결이 종료되었습니다. 네트워크 관리자에게 문의하여 도움을 요청하세요." }, /* ko-KR */
	{ 50331713, "A conexão do Gateway RD foi encerrada porque a autorização periódica do usuário falhou. Seu computador ou dispositivo não atendeu aos requisitos de proteção de acesso à rede (NAP) definidos pelo administrador da rede. Entre em contato com o administrador da rede para obter assistência." }, /* pt-BR */
	{ 50331713, "D'RD-Gateway-Verbindung gouf beendegt, well déi periodesch Benotzerautoriséierung feelgeschloen ass. Äre Computer oder Apparat huet d'NAP-Ufuerderungen (Network Access Protection), déi vun Ärem Netzwierkadministrator festgeluecht goufen, net erfëllt. Wennt Iech un Äre Netzwierkadministrator fir Hëllef." }, /* lb-LU */
	{ 50331713, "Die RD-Gateway-Verbindung wurde beendet, weil die periodische Benutzerautorisierung fehlgeschlagen ist. Ihr Computer oder Gerät hat die vom Netzwerkadministrator festgelegten NAP-Anforderungen (Network Access Protection) nicht erfüllt. Wenden Sie sich an Ihren Netzwerkadministrator, um Hilfe zu erhalten." }, /* de-DE */
	{ 50331713, "La connessione al gateway desktop remoto è terminata perché l'autorizzazione utente periodica non è riuscita. " }, /* it-IT */
	{ 50331713, "La connexion RD Gateway a pris fin car l'autorisation périodique de l'utilisateur a échoué. Votre ordinateur ou appareil ne répond pas aux exigences de protection d'accès réseau (NAP) définies par votre administrateur réseau. Contactez votre administrateur réseau pour avoir de l'aide." }, /* fr-FR */
	{ 50331713, "Povezava s prehodom oddaljenega namizja je končana, ker ni uspelo periodično pooblastilo uporabnika. Vaš računalnik ali naprava nista prestala zahtev za zaščito dostopa do omrežja (NAP), ki jih je določil skrbnik omrežja. Za pomoč se obrnite na skrbnika omrežja." }, /* sl-SI */
	{ 50331713, "RD 网关连接已结束，因为间歇性或定期用户身份验证失败。您的计算机或设备未通过网络管理员设置的网络访问保护 （NAP） 要求。请联系您的网络管理员以获取帮助。" }, /* zh-CN */
	{ 50331713, "RD 閘道連線已結束，原因是周期性使用者授權失敗。您的電腦或裝置未符合網路存取保護（NAP）設定的要求。請聯絡網路管理員以獲得協助。" }, /* zh-TW */
	{ 50331713, "The RD Gateway connection ended because periodic user authorization failed. Your computer or device didn't pass the Network Access Protection (NAP) requirements set by your network administrator. Contact your network administrator for assistance." }, /* en */
	{ 50331713, "定期的なユーザー認証に失敗したため、RDゲートウェイ接続が終了しました。お使いのコンピューターまたはデバイスは、ネットワーク管理者が設定したネットワークアクセス保護（NAP）の要件を満たしていませんでした。ネットワーク管理者にお問い合わせください。" }, /* ja-JP */
	{ 50331713, "주기적인 사용자 승인에 실패하여 RD 게이트웨이 연결이 종료되었습니다. 컴퓨터나 장치가 네트워크 관리자가 설정한 네트워크 액세스 보호(NAP) 요구 사항을 통과하지 못했습니다. 도움을 받으려면 네트워크 관리자에게 문의하세요." }, /* ko-KR */
};

#endif
