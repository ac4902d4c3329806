// Plain Chinese for the shared schemas' built-in checks (their own messages, where a schema gives one,
// still win): what a form shows under a field before anything is sent.
import { z } from 'zod';

export function installChineseValidationMessages(): void {
  z.config({
    customError: (issue) => {
      switch (issue.code) {
        case 'invalid_type':
          return issue.input === undefined || issue.input === null || issue.input === '' ? '此项必填' : '格式不正确';
        case 'too_small':
          if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '此项必填' : `至少 ${issue.minimum} 个字`;
          if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
          return `不能小于 ${issue.minimum}`;
        case 'too_big':
          if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字`;
          if (issue.origin === 'array') return `不能超过 ${issue.maximum} 项`;
          return `不能大于 ${issue.maximum}`;
        case 'invalid_value':
          return '请选择有效的选项';
        case 'unrecognized_keys':
          return `不支持的字段：${issue.keys.join('、')}`;
        case 'invalid_format':
          return '格式不正确';
        default:
          return undefined;
      }
    },
  });
}
