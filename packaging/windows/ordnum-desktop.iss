; Inno Setup 6 script: installs dist\ordnum-desktop\ (built by PyInstaller from
; packaging\ordnum.spec) for the current user only, without administrator rights, with a
; Start-menu entry and no file association. Build: see packaging\README.md (« Windows »).
#define AppName "Ordonnance numérique"
#define DistDir SourcePath + "..\..\dist\ordnum-desktop"
; The version is written in pyproject.toml only: read back from the version resource that
; ordnum.spec gave ordnum-desktop.exe (so build the app first).
#define AppVersion GetStringFileInfo(DistDir + "\ordnum-desktop.exe", "ProductVersion")
#if AppVersion == ""
  #error dist\ordnum-desktop\ordnum-desktop.exe missing or without version: run PyInstaller first
#endif

[Setup]
AppId={{6E0B1C52-4F7A-4D3B-9C1E-0A5D2E7B8F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Assurance Maladie
; Per user: %LOCALAPPDATA%\Programs, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={autopf}\ordnum-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ChangesAssociations=no
OutputDir=..\..\dist
OutputBaseFilename=ordnum-desktop-{#AppVersion}-setup
SetupIconFile=..\icons\ordnum-desktop.ico
UninstallDisplayIcon={app}\ordnum-desktop.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\ordnum-desktop.exe"; WorkingDir: "{userdocs}"
Name: "{userprograms}\Désinstaller {#AppName}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\ordnum-desktop.exe"; Description: "Lancer {#AppName}"; Flags: nowait postinstall skipifsilent
