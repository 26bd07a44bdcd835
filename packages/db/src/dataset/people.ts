import { idNumberCheckChar } from '@ggw/domain';
import { Random } from './random';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文德福春波宏凤林青山玉珍淑兰志刚海燕立新永贵桂芝金凤长友树森景春'.split('');

export function personName(rng: Random): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

export function mobilePhone(rng: Random): string {
  return `1${rng.pick(['3', '5', '8'])}${rng.int(0, 9)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

/** A well-formed 18-digit resident ID number (GB 11643 check digit) for a region and birth year. */
export function residentIdNumber(rng: Random, regionCode: string, birthYear: number): string {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  const body = `${regionCode.slice(0, 6)}${birthYear}${month}${day}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}
