// wx.getFileSystemManager() over the phone's files (device-files.ts): what the app uses to keep draft
// photos and videos in its user-data folder (mkdir, saveFile, unlink, rmdir) and to read them back.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeviceFiles } from './device-files.js';
import { loudObject, type Opts, type WxAsync } from './wx-answers.js';

export function removeFile(files: DeviceFiles, path: string, name: string): Record<string, never> {
  const real = files.existing(path);
  if (!real) throw new Error(`${name}:fail no such file or directory ${path}`);
  unlinkSync(real);
  return {};
}

export function createFileSystemManager(files: DeviceFiles, async: WxAsync, unhandled: string[]) {
  /** The real folder behind a virtual directory path (only USER_DATA_PATH and below can hold folders). */
  const dir = (name: string, path: string): string => {
    const real = files.real(path);
    if (!real || !real.startsWith(files.usrDir)) throw new Error(`${name}:fail permission denied, open ${path}`);
    return real;
  };
  return loudObject('FileSystemManager', unhandled, {
    getFileInfo: async<Opts>('getFileInfo', (o) => {
      const real = files.existing(o.filePath);
      if (!real) throw new Error(`getFileInfo:fail no such file or directory, open '${o.filePath}'`);
      const size = files.read(o.filePath).length;
      return o.digestAlgorithm ? { size, digest: files.digest(o.filePath, o.digestAlgorithm) } : { size };
    }),
    saveFile: async<Opts>('saveFile', (o) => ({ savedFilePath: files.save(o.tempFilePath, o.filePath) })),
    getSavedFileList: async<Opts>('getSavedFileList', () => ({ fileList: files.savedList() })),
    removeSavedFile: async<Opts>('removeSavedFile', (o) => removeFile(files, o.filePath, 'removeSavedFile')),
    unlink: async<Opts>('unlink', (o) => removeFile(files, o.filePath, 'unlink')),
    access: async<Opts>('access', (o) => {
      const real = files.real(o.path);
      if (!real || !existsSync(real)) throw new Error(`access:fail no such file or directory ${o.path}`);
      return {};
    }),
    mkdir: async<Opts>('mkdir', (o) => {
      const real = dir('mkdir', o.dirPath);
      if (existsSync(real)) throw new Error(`mkdir:fail file already exists ${o.dirPath}`);
      if (!o.recursive && !existsSync(dirname(real))) throw new Error(`mkdir:fail no such file or directory ${o.dirPath}`);
      mkdirSync(real, { recursive: true });
      return {};
    }),
    rmdir: async<Opts>('rmdir', (o) => {
      const real = dir('rmdir', o.dirPath);
      if (!existsSync(real) || !statSync(real).isDirectory()) throw new Error(`rmdir:fail no such file or directory ${o.dirPath}`);
      if (!o.recursive && readdirSync(real).length) throw new Error(`rmdir:fail directory not empty ${o.dirPath}`);
      rmSync(real, { recursive: true });
      return {};
    }),
    readdir: async<Opts>('readdir', (o) => {
      const real = files.real(o.dirPath);
      if (!real || !existsSync(real)) throw new Error(`readdir:fail no such file or directory ${o.dirPath}`);
      return { files: readdirSync(real) };
    }),
    stat: async<Opts>('stat', (o) => {
      const real = files.real(o.path);
      if (!real || !existsSync(real)) throw new Error(`stat:fail no such file or directory ${o.path}`);
      const st = statSync(real);
      return { stats: { mode: st.mode, size: st.size, lastAccessedTime: Math.floor(st.atimeMs / 1000), lastModifiedTime: Math.floor(st.mtimeMs / 1000), isFile: () => st.isFile(), isDirectory: () => st.isDirectory() } };
    }),
  });
}
