export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Passwords of ten characters or more that lists of leaked passwords (and the habits of
 * Chinese users: pinyin, 520/1314, QQ numbers, keyboard rows) put near the top. Shorter ones
 * are refused by length anyway. Compared lower-cased.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '123456789a', '123456789q', '0123456789', '9876543210', '1111111111', '0000000000',
  '1234512345', '1qaz2wsx3edc', '1q2w3e4r5t', 'q1w2e3r4t5', 'qwertyuiop', 'asdfghjkl;', 'asdfghjkl1', 'zxcvbnm123',
  'qwerty1234', 'qwe123qwe123', 'qweasdzxc1', 'qazwsxedc123', 'password12', 'password123', 'password1234', 'password!1',
  'p@ssw0rd123', 'passw0rd123', 'admin12345', 'admin123456', 'administrator', 'abc1234567', 'abcd123456', 'abc123456789',
  'a123456789', 'aa123456789', 'a1234567890', 'a1b2c3d4e5', 'woaini1314', 'woaini520', 'woaini123456', '5201314520',
  '5201314abc', 'iloveyou12', 'iloveyou123', 'qq123456789', 'qq1234567890', 'zhang123456', 'wang123456', 'li12345678',
  'liu123456789', 'chen123456', 'huang123456', 'zhao123456', 'yang123456', 'wangyang123', 'zhangwei123', 'wangwei123',
  'woaiwojia123', 'zhongguo123', 'zhongguo1949', 'china123456', 'beijing2008', 'guanggongwei', 'guangongwei', 'ggw1234567',
  'ggw123456789', 'guanxinxiayidai', 'xiayidai123', 'jian123456', 'jilin123456', 'tonghua123', 'welcome123', 'welcome1234',
  'letmein123', 'changeme123', 'sunshine123', 'football123', 'baseball123', 'superman123', 'trustno1234', 'monkey12345',
  'dragon12345', 'master12345', 'shadow12345', 'princess123', 'qwerty123456', '147258369a', '1472583690', '1357924680',
  '2468013579', '1122334455', '1234554321', '1234567899', '12341234qq', 'aaaaaaaaaa', 'abcdefghij', 'abcdefg123',
  '888888888888', '6666666666', '8888888888', '5555555555', '1231231234', '123123123a', 'asd123456789', 'zxc123456789',
  'demo123456', 'test123456', 'test12345678', 'user123456', 'root123456', 'admin@123456', 'admin888888', 'aa12345678',
]);

/**
 * What is wrong with `password` as `username`'s new password, in words a clerk can act on, or
 * null when it may be used: at least ten characters, not the username (nor containing it),
 * not one character repeated, and not a well-known password.
 */
export function passwordProblem(username: string, password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && lower.includes(name)) return '密码不能包含用户名';
  if (new Set(lower).size === 1) return '密码不能是同一个字符的重复';
  if (COMMON_PASSWORDS.has(lower)) return '这个密码太常见,容易被猜到,请换一个';
  return null;
}
