# Build the callpad bundle and dist\callpad-<version>-windows-x64-setup.exe on Windows 10/11 x64.
# Cannot run on the Linux build machines. Needs Python 3.11 x64 (python.org or actions/setup-python)
# and Inno Setup 6 (iscc.exe; `choco install innosetup` or winget JRSoftware.InnoSetup).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
#
# Environment (optional): PY (python.exe to use), ISCC (path to iscc.exe),
# CALLPAD_SIGN_CMD (a signtool command line that takes the file to sign as its last argument;
# unsigned installers trigger SmartScreen warnings).
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

$Py = if ($env:PY) { $env:PY } else { "python" }
$Venv = "build\venv-pkg"
$VenvPy = Join-Path $Venv "Scripts\python.exe"
# Python snippets use single quotes only: Windows PowerShell 5.1 drops embedded double quotes when
# it passes arguments to native programs.
$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
$Deps = @(& $Py -c "import tomllib; [print(d) for d in tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']]") | Where-Object { $_ }

Write-Host "== build venv"
if (-not (Test-Path $VenvPy)) { Invoke-Checked $Py @("-m", "venv", $Venv) }
Invoke-Checked $VenvPy (@("-m", "pip", "install", "-q", "--disable-pip-version-check", "-c", "requirements.lock",
    "-r", "packaging\requirements-build.txt") + $Deps)

Write-Host "== translations and icons"
Remove-Item -Recurse -Force build\translations, build\icons -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force build\translations | Out-Null
foreach ($ts in Get-ChildItem resources\translations\*.ts -ErrorAction SilentlyContinue) {
    Invoke-Checked (Join-Path $Venv "Scripts\pyside6-lrelease.exe") @("-silent", $ts.FullName, "-qm",
        "build\translations\$($ts.BaseName).qm")
}
Invoke-Checked $VenvPy @("packaging\make_icons.py", "--out", "build\icons")

Write-Host "== PyInstaller"
Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @("--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist\pyinstaller", "--workpath", "build\pyinstaller", "packaging\pyinstaller\callpad.spec")
$Exe = "dist\pyinstaller\callpad\callpad.exe"

Write-Host "== smoke run from the bundle (windowed exe: judged by exit code)"
$env:QT_QPA_PLATFORM = "offscreen"
$run = Start-Process -FilePath $Exe -ArgumentList "--demo", "--self-test" -PassThru
if (-not $run.WaitForExit(180000)) { $run.Kill(); throw "self-test timed out" }
if ($run.ExitCode -ne 0) { throw "self-test failed with exit code $($run.ExitCode)" }
Remove-Item Env:\QT_QPA_PLATFORM

if ($env:CALLPAD_SIGN_CMD) { Invoke-Expression "$env:CALLPAD_SIGN_CMD `"$Exe`"" }

Write-Host "== Inno Setup"
$Iscc = if ($env:ISCC) { $env:ISCC } else { "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "packaging\windows\callpad.iss")
$Setup = "dist\callpad-$Version-windows-x64-setup.exe"
if ($env:CALLPAD_SIGN_CMD) { Invoke-Expression "$env:CALLPAD_SIGN_CMD `"$Setup`"" }
Write-Host "built $Setup ($([math]::Round((Get-Item $Setup).Length / 1MB, 1)) MB)"
