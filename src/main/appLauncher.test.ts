import { describe, expect, it } from 'vitest'
import { appLauncherPath } from './appLauncher'

describe('the program that runs Axon Studio again', () => {
  it('is the running executable of an installed app', () => {
    expect(appLauncherPath({}, 'C:\\Program Files\\Axon Studio\\Axon Studio.exe', 'win32')).toBe('C:\\Program Files\\Axon Studio\\Axon Studio.exe')
    expect(appLauncherPath({}, '/opt/Axon Studio/axon-studio', 'linux')).toBe('/opt/Axon Studio/axon-studio')
  })

  it('is the portable .exe the user started, not its copy in %TEMP% that goes when the app exits (fails on the old code, which registered and relaunched the copy)', () => {
    const env = { TEMP: 'C:\\Users\\ana\\AppData\\Local\\Temp', PORTABLE_EXECUTABLE_FILE: 'E:\\axon-studio-0.1.0-portable-x64.exe' }
    expect(appLauncherPath(env, 'C:\\Users\\ana\\AppData\\Local\\Temp\\2ksuid\\Axon Studio.exe', 'win32')).toBe('E:\\axon-studio-0.1.0-portable-x64.exe')
    // Each start's own folder (portable.unpackDirName true: NSIS's plugins folder under $TEMP).
    expect(appLauncherPath(env, 'C:\\Users\\ana\\AppData\\Local\\Temp\\nsq1A2B.tmp\\app\\Axon Studio.exe', 'win32')).toBe('E:\\axon-studio-0.1.0-portable-x64.exe')

    // NSIS's $TEMP is %TMP% when set; folder names compare without case, as on Windows.
    const tmp = { TMP: 'D:\\Scratch', TEMP: 'C:\\Temp', PORTABLE_EXECUTABLE_FILE: 'E:\\axon.exe' }
    expect(appLauncherPath(tmp, 'd:\\scratch\\2ksuid\\Axon Studio.exe', 'win32')).toBe('E:\\axon.exe')
  })

  it('is the AppImage file, not the executable in its mount', () => {
    const env = { APPIMAGE: '/home/ana/Apps/axon-studio-0.1.0-linux-x64.AppImage', APPDIR: '/tmp/.mount_axon-sAbc12' }
    expect(appLauncherPath(env, '/tmp/.mount_axon-sAbc12/axon-studio', 'linux')).toBe('/home/ana/Apps/axon-studio-0.1.0-linux-x64.AppImage')
  })

  it('ignores those variables passed on from another app (an installed app started from a portable or AppImage program)', () => {
    expect(appLauncherPath({ TEMP: 'C:\\Temp', PORTABLE_EXECUTABLE_FILE: 'E:\\other.exe' }, 'C:\\Program Files\\Axon Studio\\Axon Studio.exe', 'win32')).toBe('C:\\Program Files\\Axon Studio\\Axon Studio.exe')
    expect(appLauncherPath({ APPIMAGE: '/home/ana/Terminal.AppImage', APPDIR: '/tmp/.mount_Termin9' }, '/opt/Axon Studio/axon-studio', 'linux')).toBe('/opt/Axon Studio/axon-studio')
  })
})
