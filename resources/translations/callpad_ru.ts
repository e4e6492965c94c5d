<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AdvancedDialForm</name>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="85"/>
        <source>Ring me, then the customer</source>
        <translation>Сначала я, потом клиент</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="86"/>
        <source>Operator and customer (simple)</source>
        <translation>Оператор и клиент (простой вызов)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="87"/>
        <source>Through a scenario</source>
        <translation>Через сценарий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="88"/>
        <source>Through a virtual number</source>
        <translation>Через виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="89"/>
        <source>Play a message (informer)</source>
        <translation>Проиграть сообщение (информатор)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="92"/>
        <source>Start method</source>
        <translation>Способ вызова</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="96"/>
        <source>&amp;Method</source>
        <translation>&amp;Способ</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="98"/>
        <source>Caller &amp;ID</source>
        <translation>&amp;Номер для клиента</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="98"/>
        <source>Default from settings</source>
        <translation>Из настроек</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="99"/>
        <source>My &amp;phone</source>
        <translation>Мой &amp;телефон</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="99"/>
        <source>All my numbers</source>
        <translation>Все мои номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="100"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="100"/>
        <source>Operator&apos;s number</source>
        <translation>Номер оператора</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="103"/>
        <source>Ring first</source>
        <translation>Кому звонить первым</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="104"/>
        <source>Me / operator</source>
        <translation>Мне / оператору</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="104"/>
        <source>Customer</source>
        <translation>Клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="106"/>
        <source>Connect at once, cut messages short</source>
        <translation>Соединять сразу, не дожидаясь конца сообщений</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="107"/>
        <source>Let me hear the line while it rings</source>
        <translation>Слышать дозвон до клиента</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="108"/>
        <source>Show the caller ID to me</source>
        <translation>Показывать мне виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="109"/>
        <source>To customer</source>
        <translation>Клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="110"/>
        <source>To me</source>
        <translation>Мне</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="111"/>
        <source>To operator</source>
        <translation>Оператору</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="112"/>
        <source>Ringback media</source>
        <translation>Мелодия дозвона</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="112"/>
        <source>Media file id</source>
        <translation>Id медиафайла</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="113"/>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="113"/>
        <source>Scenario id</source>
        <translation>Id сценария</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="114"/>
        <source>DTMF after answer</source>
        <translation>DTMF после ответа</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="114"/>
        <source>e.g. 123.#</source>
        <translation>напр. 123.#</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="115"/>
        <source>External id</source>
        <translation>Внешний id</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="115"/>
        <source>CRM record</source>
        <translation>Запись в CRM</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="118"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="119"/>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="119"/>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="121"/>
        <source>Ring for (s)</source>
        <translation>Дозвон (с)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="122"/>
        <source>Operator confirms</source>
        <translation>Подтверждение оператора</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="122"/>
        <source>key or any</source>
        <translation>клавиша или any</translation>
    </message>
</context>
<context>
    <name>CallDialogs</name>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="29"/>
        <source>Consult</source>
        <translation>Консультация</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="30"/>
        <source>Number or extension of the colleague (the customer stays on hold):</source>
        <translation>Номер или добавочный коллеги (клиент остаётся на удержании):</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="44"/>
        <source>Add a coach</source>
        <translation>Подключить тренера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="45"/>
        <source>Coach&apos;s number (leave empty for your configured coach):</source>
        <translation>Номер тренера (пусто — ваш тренер из настроек АТС):</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="62"/>
        <source>Tag the call</source>
        <translation>Тег для звонка</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/call_dialogs.py" line="63"/>
        <source>Tag (name, or its id):</source>
        <translation>Тег (название или id):</translation>
    </message>
</context>
<context>
    <name>CallsView</name>
    <message>
        <location filename="../../callpad/ui/calls_view.py" line="153"/>
        <source>Active calls</source>
        <translation>Активные звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/calls_view.py" line="155"/>
        <source>Calls with their participants. Arrows move, digits send DTMF to the call.</source>
        <translation>Звонки и их участники. Стрелки — выбор, цифры отправляют DTMF в звонок.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/calls_view.py" line="263"/>
        <source>No active calls.
Type a number on the left and press Enter.</source>
        <translation>Активных звонков нет.
Наберите номер слева и нажмите Enter.</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="33"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="36"/>
        <source>Type to find a command; Enter runs it</source>
        <translation>Начните вводить название команды; Enter выполняет</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="37"/>
        <source>Find a command</source>
        <translation>Найти команду</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="40"/>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="40"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="50"/>
        <source>Commands and their keys</source>
        <translation>Команды и их клавиши</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/cheat_sheet.py" line="56"/>
        <source>Shortcuts work on the Russian layout too. Digits typed in the call list send DTMF.</source>
        <translation>Сочетания работают и в русской раскладке. Цифры, набранные в списке звонков, отправляют DTMF.</translation>
    </message>
</context>
<context>
    <name>CloseToTray</name>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="227"/>
        <source>callpad is still running</source>
        <translation>callpad продолжает работать</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="228"/>
        <source>It keeps your calls in reach from the tray. Use Quit in its menu to exit.</source>
        <translation>Звонки остаются под рукой в трее. Чтобы выйти, выберите «Закрыть callpad» в меню значка.</translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <location filename="../../callpad/desktop/integration.py" line="129"/>
        <source>Start at login could not be changed: %1</source>
        <translation>Не удалось изменить автозапуск: %1</translation>
    </message>
</context>
<context>
    <name>DialerPanel</name>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="48"/>
        <source>CALL A NUMBER</source>
        <translation>ПОЗВОНИТЬ</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="53"/>
        <source>Type or paste a number</source>
        <translation>Наберите или вставьте номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="54"/>
        <source>Number to call</source>
        <translation>Номер для звонка</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="55"/>
        <source>Enter dials. Ctrl+Shift+D comes back here.</source>
        <translation>Enter — позвонить. Ctrl+Shift+D — вернуться сюда.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="65"/>
        <source>Number check</source>
        <translation>Проверка номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="72"/>
        <source>Call</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="75"/>
        <location filename="../../callpad/ui/dialer_panel.py" line="160"/>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="78"/>
        <source>Advanced dialing options</source>
        <translation>Дополнительные параметры вызова</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="79"/>
        <source>Other start methods and their options (Alt+A)</source>
        <translation>Другие способы вызова и их параметры (Alt+A)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="83"/>
        <source>Your line</source>
        <translation>Ваша линия</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="88"/>
        <source>RECENT</source>
        <translation>НЕДАВНИЕ</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="94"/>
        <source>Recent numbers; Enter calls the selected one</source>
        <translation>Недавние номера; Enter — позвонить на выбранный</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="135"/>
        <source>Set your employee id in the settings to dial.</source>
        <translation>Чтобы звонить, укажите свой id сотрудника в настройках.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="137"/>
        <source>Customers see %1. Your phone rings first, then theirs.</source>
        <translation>Клиенты видят номер %1. Сначала звонит ваш телефон, потом клиента.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="160"/>
        <source>Advanced ▾</source>
        <translation>Дополнительно ▾</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="173"/>
        <source>Will call %1</source>
        <translation>Звонок на %1</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="176"/>
        <source>Enter dials; Ctrl+Shift+L redials the last number.</source>
        <translation>Enter — позвонить; Ctrl+Shift+L — повторить последний номер.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="182"/>
        <source>Calling…</source>
        <translation>Вызов…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dialer_panel.py" line="182"/>
        <source>Call  ⏎</source>
        <translation>Позвонить  ⏎</translation>
    </message>
</context>
<context>
    <name>DtmfKeypad</name>
    <message>
        <location filename="../../callpad/ui/dtmf_keypad.py" line="26"/>
        <source>DTMF keypad</source>
        <translation>Тональный набор (DTMF)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dtmf_keypad.py" line="31"/>
        <source>Symbols sent</source>
        <translation>Отправленные символы</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/dtmf_keypad.py" line="39"/>
        <source>Send %1</source>
        <translation>Отправить %1</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="21"/>
        <source>Welcome to callpad</source>
        <translation>Добро пожаловать в callpad</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="24"/>
        <source>Calls ring your phone first. Which employee are you in the PBX, and which virtual number should customers see?</source>
        <translation>Звонок сначала приходит на ваш телефон. Какой вы сотрудник в АТС и какой виртуальный номер должны видеть клиенты?</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="31"/>
        <source>e.g. 3141</source>
        <translation>напр. 3141</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="32"/>
        <source>Employee id</source>
        <translation>Id сотрудника</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="34"/>
        <source>e.g. 74951112233</source>
        <translation>напр. 74951112233</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="35"/>
        <source>Default virtual number</source>
        <translation>Виртуальный номер по умолчанию</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="43"/>
        <source>&amp;Employee id</source>
        <translation>&amp;Id сотрудника</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="44"/>
        <source>Default &amp;virtual number</source>
        <translation>&amp;Виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="52"/>
        <source>The employee id is a whole number, e.g. 3141.</source>
        <translation>Id сотрудника — целое число, например 3141.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/first_run_dialog.py" line="56"/>
        <source>Enter the virtual number in digits, e.g. 74951112233.</source>
        <translation>Введите виртуальный номер цифрами, например 74951112233.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="72"/>
        <source>Sign in to callpad</source>
        <translation>Вход в callpad</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="79"/>
        <source>Other server (URL)</source>
        <translation>Другой сервер (URL)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="80"/>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="83"/>
        <source>Server URL</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="87"/>
        <source>Login and password</source>
        <translation>Логин и пароль</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="88"/>
        <location filename="../../callpad/ui/login_dialog.py" line="99"/>
        <source>Permanent API key</source>
        <translation>Постоянный ключ API</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="93"/>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="96"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="100"/>
        <source>Remember on this computer</source>
        <translation>Запомнить на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="102"/>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>Хранится в системном хранилище паролей, не в файле настроек</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="110"/>
        <source>Sign-in problem</source>
        <translation>Ошибка входа</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="115"/>
        <location filename="../../callpad/ui/login_dialog.py" line="207"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="123"/>
        <source>&amp;Provider</source>
        <translation>&amp;Провайдер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="124"/>
        <source>Server &amp;URL</source>
        <translation>&amp;Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="130"/>
        <source>Sign in with</source>
        <translation>Способ входа</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="131"/>
        <source>&amp;Login</source>
        <translation>&amp;Логин</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="132"/>
        <source>Pass&amp;word</source>
        <translation>Па&amp;роль</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="133"/>
        <source>API &amp;key</source>
        <translation>&amp;Ключ API</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="183"/>
        <source>Enter the server address, starting with https://</source>
        <translation>Введите адрес сервера, начиная с https://</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="186"/>
        <source>Enter your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="188"/>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="190"/>
        <source>Paste your permanent API key.</source>
        <translation>Вставьте постоянный ключ API.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/login_dialog.py" line="207"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="89"/>
        <source>callpad — DEMO</source>
        <translation>callpad — ДЕМО</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="107"/>
        <source>Notice</source>
        <translation>Уведомление</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="111"/>
        <source>My calls</source>
        <translation>Мои звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="112"/>
        <source>All calls</source>
        <translation>Все звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="113"/>
        <source>Which calls to show</source>
        <translation>Какие звонки показывать</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="121"/>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="123"/>
        <source>Demo mode: a built-in simulator, no real calls</source>
        <translation>Демо-режим: встроенный симулятор, настоящих звонков нет</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="137"/>
        <source>ACTIVE CALLS</source>
        <translation>АКТИВНЫЕ ЗВОНКИ</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="232"/>
        <source>Incoming call from %1</source>
        <translation>Входящий звонок с номера %1</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/main_window.py" line="253"/>
        <source>Copied %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="119"/>
        <source>Stop recording</source>
        <translation>Остановить запись</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="121"/>
        <source>Record</source>
        <translation>Начать запись</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="143"/>
        <source>Calling…</source>
        <translation>Вызов…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="165"/>
        <source>Block the contact?</source>
        <translation>Заблокировать номер?</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="166"/>
        <source>Block %1? Calls from this number will be refused by the PBX.</source>
        <translation>Заблокировать %1? Номер попадёт в чёрный список, и АТС будет отклонять звонки с него.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/window_commands.py" line="169"/>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../callpad/ui/menus.py" line="63"/>
        <source>&amp;callpad</source>
        <translation>&amp;callpad</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="64"/>
        <source>&amp;Dial</source>
        <translation>&amp;Набор</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="65"/>
        <source>C&amp;all</source>
        <translation>&amp;Звонок</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="66"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="67"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="78"/>
        <source>Talk options</source>
        <translation>Опции разговора</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="94"/>
        <source>Open &amp;log folder</source>
        <translation>Открыть папку &amp;журналов</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/menus.py" line="96"/>
        <source>Show the folder of callpad&apos;s log files</source>
        <translation>Показать папку с файлами журнала callpad</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../callpad/desktop/notifications.py" line="50"/>
        <source>Incoming call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/notifications.py" line="51"/>
        <source>From %1</source>
        <translation>Номер: %1</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/notifications.py" line="51"/>
        <source>a hidden number</source>
        <translation>скрыт</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/notifications.py" line="60"/>
        <source>callpad needs your attention</source>
        <translation>callpad: нужно ваше внимание</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="62"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="69"/>
        <source>Account</source>
        <translation>Аккаунт</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="70"/>
        <source>Dialing</source>
        <translation>Набор номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="71"/>
        <source>Calls</source>
        <translation>Звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="73"/>
        <source>Shortcuts</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="74"/>
        <location filename="../../callpad/ui/settings_dialog.py" line="226"/>
        <source>Desktop</source>
        <translation>Рабочий стол</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="124"/>
        <source>Other server…</source>
        <translation>Другой сервер…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="131"/>
        <source>Login and password</source>
        <translation>Логин и пароль</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="132"/>
        <source>Permanent key</source>
        <translation>Постоянный ключ API</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="136"/>
        <source>Forget my credentials</source>
        <translation>Забыть пароль и ключ</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="146"/>
        <source>Remembered passwords and keys are kept in the system keyring.</source>
        <translation>Сохранённые пароли и ключи лежат в системном хранилище паролей.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="149"/>
        <source>No secure system keyring was found: remembered passwords and keys are kept in a file only your user account can read.</source>
        <translation>Защищённое хранилище паролей в системе не найдено: сохранённые пароли и ключи лежат в файле, который может прочитать только ваша учётная запись.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="165"/>
        <source>Call via my phone (employee call)</source>
        <translation>Через мой телефон (вызов сотрудника)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="166"/>
        <source>Simple call</source>
        <translation>Простой вызов</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="167"/>
        <source>Scenario call</source>
        <translation>Через сценарий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="168"/>
        <source>Virtual number call</source>
        <translation>Через виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="169"/>
        <source>Informer call</source>
        <translation>Информатор (проиграть сообщение)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="172"/>
        <source>Me</source>
        <translation>Мне</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="172"/>
        <source>The customer</source>
        <translation>Клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="178"/>
        <source>Server default</source>
        <translation>Как на сервере</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="179"/>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="180"/>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="191"/>
        <source>Clear recent numbers</source>
        <translation>Очистить недавние номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="208"/>
        <location filename="../../callpad/ui/settings_dialog.py" line="214"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="215"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="216"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="219"/>
        <source>Notify me about</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="221"/>
        <source>Screen pop</source>
        <translation>Карточка клиента</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="223"/>
        <source>{contact} becomes the caller&apos;s number.</source>
        <translation>Вместо {contact} подставляется номер клиента.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="260"/>
        <source>Could not remove them from: %1</source>
        <translation>Не удалось удалить из: %1</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_dialog.py" line="262"/>
        <source>Your saved password and key were removed.</source>
        <translation>Сохранённые пароль и ключ удалены.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_fields.py" line="86"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_fields.py" line="89"/>
        <source>Text to speech</source>
        <translation>Синтез речи</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_fields.py" line="90"/>
        <source>Media file id</source>
        <translation>Id медиафайла</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_fields.py" line="122"/>
        <source>%1: kind</source>
        <translation>%1: тип</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="18"/>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="19"/>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="20"/>
        <source>API version</source>
        <translation>Версия API</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="21"/>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="22"/>
        <source>Sign in with</source>
        <translation>Способ входа</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="23"/>
        <source>Remember me</source>
        <translation>Запомнить меня</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="24"/>
        <source>Employee id</source>
        <translation>Id сотрудника</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="25"/>
        <source>My phone</source>
        <translation>Мой телефон</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="26"/>
        <source>Caller id number</source>
        <translation>Виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="27"/>
        <source>Start calls with</source>
        <translation>Способ вызова</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="28"/>
        <source>Dial first</source>
        <translation>Кому звонить первым</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="29"/>
        <source>Switch at once</source>
        <translation>Соединять сразу</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="30"/>
        <source>Early switching</source>
        <translation>Раннее соединение</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="31"/>
        <source>Show the caller id number to me</source>
        <translation>Показывать мне виртуальный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="34"/>
        <source>Record the call as</source>
        <translation>Учитывать звонок как</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="35"/>
        <source>Dialing timeout, s</source>
        <translation>Время дозвона, с</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="36"/>
        <source>Scenario id</source>
        <translation>Id сценария</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="37"/>
        <source>Dialing music (media file id)</source>
        <translation>Мелодия дозвона (id медиафайла)</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="38"/>
        <source>Message to the customer</source>
        <translation>Сообщение клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="39"/>
        <source>Message to me</source>
        <translation>Сообщение мне</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="40"/>
        <source>DTMF after answer</source>
        <translation>DTMF после ответа</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="41"/>
        <source>Default country</source>
        <translation>Страна по умолчанию</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="42"/>
        <source>Dial tel: links at once</source>
        <translation>Сразу звонить по ссылкам tel:</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="43"/>
        <source>Recent numbers</source>
        <translation>Недавние номера</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="44"/>
        <source>Hold message</source>
        <translation>Сообщение на удержании</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="45"/>
        <source>Refresh during my calls, s</source>
        <translation>Обновление во время моих звонков, с</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="46"/>
        <source>Refresh while the window is active, s</source>
        <translation>Обновление при активном окне, с</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="47"/>
        <source>Refresh when idle, s</source>
        <translation>Обновление без звонков, с</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="48"/>
        <source>Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="49"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="50"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="51"/>
        <source>Incoming calls</source>
        <translation>Входящие звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="52"/>
        <source>Errors that need me</source>
        <translation>Ошибки, требующие внимания</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="53"/>
        <source>Open a page for new calls</source>
        <translation>Открывать страницу при новом звонке</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="54"/>
        <source>Page address</source>
        <translation>Адрес страницы</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="55"/>
        <source>Start at login</source>
        <translation>Запускать при входе в систему</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="56"/>
        <source>Closing the window keeps callpad in the tray</source>
        <translation>При закрытии окна сворачивать в трей</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="59"/>
        <source>Start minimized</source>
        <translation>Запускать свёрнутым</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="88"/>
        <source>The settings file could not be read, so callpad started with default settings. The old file was kept as %1.</source>
        <translation>Не удалось прочитать файл настроек, поэтому callpad запущен с настройками по умолчанию. Старый файл сохранён как %1.</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="96"/>
        <source>Some settings had values callpad cannot use; they were reset and everything else was kept:</source>
        <translation>Некоторые настройки имели недопустимые значения; они сброшены, остальные сохранены:</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="105"/>
        <source>A copy of the file as it was is kept as %1.</source>
        <translation>Копия прежнего файла сохранена как %1.</translation>
    </message>
    <message>
        <location filename="../../callpad/viewmodels/settings_text.py" line="111"/>
        <source>The settings were written by a newer callpad; settings it does not know will be dropped when you save.</source>
        <translation>Настройки записаны более новой версией callpad; незнакомые этой версии параметры будут удалены при сохранении.</translation>
    </message>
</context>
<context>
    <name>SettingsProblem</name>
    <message>
        <location filename="../../callpad/config/problems.py" line="38"/>
        <source>a group of settings</source>
        <translation>группа настроек</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="39"/>
        <source>a list</source>
        <translation>список</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="40"/>
        <source>yes or no</source>
        <translation>«да» или «нет»</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="41"/>
        <source>a whole number</source>
        <translation>целое число</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="42"/>
        <source>a number</source>
        <translation>число</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="43"/>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="44"/>
        <source>an address starting with https://</source>
        <translation>адрес, начинающийся с https://</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="45"/>
        <source>it needs the employee dialled first and switching at once</source>
        <translation>работает, только если первым звонить мне и соединять сразу</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="48"/>
        <source>a scenario id for scenario calls</source>
        <translation>id сценария для вызова через сценарий</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="49"/>
        <source>an https:// address such as https://crm.example/search?q={contact}</source>
        <translation>адрес https://, например https://crm.example/search?q={contact}</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="52"/>
        <source>a media file id (digits)</source>
        <translation>id медиафайла — только цифры</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="53"/>
        <source>the text to play</source>
        <translation>текст для синтеза речи</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="54"/>
        <source>a country code phone numbers know, e.g. RU or KZ</source>
        <translation>известный код страны, например RU или KZ</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="57"/>
        <source>digits only, up to 15, without +</source>
        <translation>только цифры, не больше 15, без +</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="58"/>
        <source>digits, * and #, and . for a 1 s pause</source>
        <translation>цифры, * и #, точка — пауза 1 с</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="59"/>
        <source>two capital letters, e.g. RU</source>
        <translation>две заглавные латинские буквы, например RU</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="60"/>
        <source>like v4.0</source>
        <translation>вида v4.0</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="81"/>
        <source>{field}: expected {detail}.</source>
        <translation>{field}: ожидается {detail}.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="82"/>
        <source>{field}: must be one of {detail}.</source>
        <translation>{field}: допустимые значения — {detail}.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="85"/>
        <source>{field}: at least {detail}.</source>
        <translation>{field}: не меньше {detail}.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="86"/>
        <source>{field}: at most {detail}.</source>
        <translation>{field}: не больше {detail}.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="87"/>
        <source>{field}: wrong format ({detail}).</source>
        <translation>{field}: неверный формат ({detail}).</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="90"/>
        <source>{field}: at most {detail} characters.</source>
        <translation>{field}: не больше {detail} символов.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="93"/>
        <source>{field}: at most {detail} entries; the rest were dropped.</source>
        <translation>{field}: не больше {detail} записей, лишние удалены.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="96"/>
        <source>{field}: enter {detail}.</source>
        <translation>{field}: укажите {detail}.</translation>
    </message>
    <message>
        <location filename="../../callpad/config/problems.py" line="97"/>
        <source>{field}: {detail}.</source>
        <translation>{field}: {detail}.</translation>
    </message>
</context>
<context>
    <name>SettingsViewModel</name>
    <message>
        <location filename="../../callpad/viewmodels/settings.py" line="199"/>
        <source>The settings could not be saved: %1</source>
        <translation>Не удалось сохранить настройки: %1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="38"/>
        <source>Dialer</source>
        <translation>Набор номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="39"/>
        <source>Call</source>
        <translation>Звонок</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="40"/>
        <source>View</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="41"/>
        <source>Application</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="43"/>
        <source>Talk option %1</source>
        <translation>Опция разговора %1</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="54"/>
        <source>Focus the dialer</source>
        <translation>Перейти к набору номера</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="59"/>
        <source>Dial</source>
        <translation>Позвонить</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="64"/>
        <source>Redial the last number</source>
        <translation>Повторить последний номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="71"/>
        <source>Dial the selected or copied number</source>
        <translation>Позвонить на выделенный или скопированный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="78"/>
        <source>Advanced dialing options</source>
        <translation>Дополнительные параметры вызова</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="84"/>
        <source>Hold</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="89"/>
        <source>Resume</source>
        <translation>Снять с удержания</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="96"/>
        <source>Consult a colleague or number</source>
        <translation>Консультация с коллегой или номером</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="99"/>
        <source>Consult</source>
        <translation>Консультация</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="104"/>
        <source>Transfer</source>
        <translation>Перевести</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="111"/>
        <source>Return to the customer</source>
        <translation>Вернуться к клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="114"/>
        <source>Return</source>
        <translation>К клиенту</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="119"/>
        <source>Disconnect the selected leg</source>
        <translation>Отключить выбранного участника</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="122"/>
        <source>Drop leg</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="128"/>
        <source>Tag the call…</source>
        <translation>Поставить тег…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="131"/>
        <source>Tag…</source>
        <translation>Тег…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="136"/>
        <source>Recording on/off</source>
        <translation>Запись вкл./выкл.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="143"/>
        <source>Add a coach…</source>
        <translation>Подключить тренера…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="146"/>
        <source>Coach…</source>
        <translation>Тренер…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="151"/>
        <source>DTMF keypad</source>
        <translation>Тональный набор (DTMF)</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="154"/>
        <source>Keypad</source>
        <translation>Клавиатура</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="159"/>
        <source>Block the contact…</source>
        <translation>Заблокировать номер…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="162"/>
        <source>Block…</source>
        <translation>Блокировать…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="168"/>
        <source>Hang up</source>
        <translation>Завершить</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="176"/>
        <source>Copy the contact number</source>
        <translation>Копировать номер клиента</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="183"/>
        <source>Go to the call list</source>
        <translation>Перейти к списку звонков</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="187"/>
        <source>Previous call</source>
        <translation>Предыдущий звонок</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="190"/>
        <source>Next call</source>
        <translation>Следующий звонок</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="194"/>
        <source>Next pane</source>
        <translation>Следующая панель</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="199"/>
        <source>Previous pane</source>
        <translation>Предыдущая панель</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="202"/>
        <source>My calls</source>
        <translation>Мои звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="203"/>
        <source>All calls</source>
        <translation>Все звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="207"/>
        <source>Refresh calls</source>
        <translation>Обновить звонки</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="214"/>
        <source>Reload talk options</source>
        <translation>Обновить опции разговора</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="221"/>
        <source>Keep the window on top</source>
        <translation>Поверх всех окон</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="229"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="236"/>
        <source>Find a command…</source>
        <translation>Найти команду…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="241"/>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="244"/>
        <source>Sign out</source>
        <translation>Выйти из аккаунта</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/shortcuts.py" line="246"/>
        <source>Quit</source>
        <translation>Закрыть callpad</translation>
    </message>
</context>
<context>
    <name>ShortcutsPage</name>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="57"/>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="57"/>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="57"/>
        <source>Also</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="72"/>
        <source>Key for %1</source>
        <translation>Клавиша для «%1»</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="83"/>
        <source>Shortcut message</source>
        <translation>Сообщение о сочетании клавиш</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="84"/>
        <source>Restore default keys</source>
        <translation>Сбросить все клавиши</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="91"/>
        <source>Click a key field and press the new combination.</source>
        <translation>Щёлкните поле клавиши и нажмите новое сочетание.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="151"/>
        <source>%1 is kept for copy, paste and undo; choose another key.</source>
        <translation>%1 занято копированием, вставкой и отменой; выберите другое сочетание.</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/settings_shortcuts_page.py" line="155"/>
        <source>%1 is already used by “%2”. Change that one first.</source>
        <translation>%1 уже занято командой «%2». Сначала измените её.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="45"/>
        <source>Last message</source>
        <translation>Последнее сообщение</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="48"/>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="51"/>
        <source>Provider and user</source>
        <translation>Провайдер и пользователь</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="54"/>
        <source>API points left</source>
        <translation>Остаток баллов API</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="62"/>
        <source>Not connected</source>
        <translation>Нет соединения</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/status_bar.py" line="122"/>
        <source>Points left: %1 of %2 this minute, %3 of %4 today</source>
        <translation>Осталось баллов: %1 из %2 в эту минуту, %3 из %4 сегодня</translation>
    </message>
</context>
<context>
    <name>TalkOptionsPanel</name>
    <message>
        <location filename="../../callpad/ui/talk_options_panel.py" line="57"/>
        <source>TALK OPTIONS</source>
        <translation>ОПЦИИ РАЗГОВОРА</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/talk_options_panel.py" line="121"/>
        <source>Key %1 on the phone; %2</source>
        <translation>Клавиша %1 на телефоне; %2</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/talk_options_panel.py" line="139"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/talk_options_panel.py" line="143"/>
        <source>None configured</source>
        <translation>Не настроены</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/talk_options_panel.py" line="145"/>
        <source>Alt+1…9 on the selected call</source>
        <translation>Alt+1…9 — для выбранного звонка</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="116"/>
        <source>Show callpad</source>
        <translation>Показать callpad</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="117"/>
        <source>Dial the copied number</source>
        <translation>Позвонить на скопированный номер</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="118"/>
        <source>Quit</source>
        <translation>Закрыть callpad</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="159"/>
        <source>connected</source>
        <translation>на связи</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="161"/>
        <source>connection problem</source>
        <translation>проблема со связью</translation>
    </message>
    <message>
        <location filename="../../callpad/desktop/tray.py" line="162"/>
        <source>not connected</source>
        <translation>нет соединения</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callpad/desktop/tray.py" line="166"/>
        <source>%n active call(s)</source>
        <translation>
            <numerusform>%n активный звонок</numerusform>
            <numerusform>%n активных звонка</numerusform>
            <numerusform>%n активных звонков</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_MessageEditor</name>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="37"/>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="38"/>
        <source>Speech</source>
        <translation>Синтез речи</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="39"/>
        <source>Media file</source>
        <translation>Медиафайл</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="52"/>
        <source>Text to speak</source>
        <translation>Текст для синтеза</translation>
    </message>
    <message>
        <location filename="../../callpad/ui/advanced_dial.py" line="52"/>
        <source>Media file id</source>
        <translation>Id медиафайла</translation>
    </message>
</context>
</TS>
