; Inno Setup 6 script for callpad on Windows 10/11 x64.
;
; Input: the PyInstaller one-folder bundle dist\pyinstaller\callpad\ (packaging\pyinstaller\callpad.spec
; built on Windows) and build\icons\callpad.ico (packaging\make_icons.py). From the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\callpad.iss
; Output: dist\callpad-<version>-windows-x64-setup.exe
;
; Installs per user by default (no admin prompt, {autopf} = %LOCALAPPDATA%\Programs, HKA = HKCU);
; "Install for all users" in the first dialog (or /ALLUSERS) installs to Program Files with HKA = HKLM.
; tel: and callto: are registered the way Windows 10/11 expects: a ProgID (callpad.url) plus
; Capabilities\URLAssociations listed under RegisteredApplications, so callpad appears in
; Settings > Apps > Default apps and in the "How do you want to open this?" prompt. The task
; "telhandler" (on by default) also writes the classic Classes\tel and Classes\callto keys, which
; make callpad the handler where the user has made no choice; a user's choice in Settings wins.
; Needs Inno Setup 6.3 or later (x64compatible).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "callpad"
#define AppExe "callpad.exe"
#define AppUserModelId "io.github.callpad.Callpad"
#define ProgId "callpad.url"
#define Bundle "..\..\dist\pyinstaller\callpad"

[Setup]
AppId=io.github.callpad.Callpad
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=callpad developers
AppPublisherURL=https://github.com/callpad/callpad
AppSupportURL=https://github.com/callpad/callpad/issues
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=callpad-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\callpad.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Close a running callpad (Restart Manager) before files are replaced or removed.
CloseApplications=yes
RestartApplications=no
; Tell Explorer that URL associations changed (SHChangeNotify) after install and uninstall.
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
en.TelHandler=Open tel: and callto: links with callpad
ru.TelHandler=Открывать ссылки tel: и callto: в callpad
en.Links=Links:
ru.Links=Ссылки:
en.DefaultApps=Choose callpad for tel: links in Windows Settings
ru.DefaultApps=Выбрать callpad для ссылок tel: в параметрах Windows
en.AppDescription=Keyboard-first remote control for calls on the UIS / CoMagic virtual PBX
ru.AppDescription=Пульт управления звонками в виртуальной АТС UIS / CoMagic с клавиатуры

[Tasks]
Name: "telhandler"; Description: "{cm:TelHandler}"; GroupDescription: "{cm:Links}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: files a newer PyInstaller build no longer has must go.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Registry]
; The ProgID that opens tel:/callto: links: callpad.exe "<link>" (a second launch hands the link to
; the running instance).
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueData: "callpad link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: "AppUserModelID"; ValueData: "{#AppUserModelId}"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
; Capabilities: what Settings > Default apps offers for tel and callto.
Root: HKA; Subkey: "Software\callpad"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\callpad\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"
Root: HKA; Subkey: "Software\callpad\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "{cm:AppDescription}"
Root: HKA; Subkey: "Software\callpad\Capabilities"; ValueType: string; ValueName: "ApplicationIcon"; ValueData: """{app}\{#AppExe}"",0"
Root: HKA; Subkey: "Software\callpad\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\callpad\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "{#ProgId}"
Root: HKA; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "callpad"; ValueData: "Software\callpad\Capabilities"; Flags: uninsdeletevalue
; Classic per-scheme keys (task "telhandler"). They take over the scheme where the user has made no
; choice in Settings, replacing another application's command if one was there. Uninstall removes
; callpad's values, then each key that is left empty: keys holding another application's values stay.
Root: HKA; Subkey: "Software\Classes\tel"; ValueType: string; ValueData: "URL:tel"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\tel\shell"; Flags: uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\tel\shell\open"; Flags: uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\callto"; ValueType: string; ValueData: "URL:callto"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\callto\shell"; Flags: uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\callto\shell\open"; Flags: uninsdeletekeyifempty; Tasks: telhandler
Root: HKA; Subkey: "Software\Classes\callto\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: telhandler
; callpad's own "start at login" setting writes HKCU\...\Run\callpad (callpad.desktop.autostart_windows):
; never created here, removed on uninstall.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "callpad"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
Filename: "ms-settings:defaultapps?registeredAppUser=callpad"; Description: "{cm:DefaultApps}"; Flags: shellexec postinstall skipifsilent unchecked nowait; Check: not IsAdminInstallMode
Filename: "ms-settings:defaultapps?registeredAppMachine=callpad"; Description: "{cm:DefaultApps}"; Flags: shellexec postinstall skipifsilent unchecked nowait; Check: IsAdminInstallMode

[UninstallDelete]
; Anything written beside the program at run time (the bundle writes nothing there by design).
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
