import { maskIdNumber, maskName, maskPhone } from './masking';

describe('masking of personal data', () => {
  it.each([
    ['张三明', '张*明'],
    ['李四', '李*'],
    ['欧阳建国', '欧**国'],
    ['王', '*'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('keeps the region and the last four characters of an ID number', () => {
    expect(maskIdNumber('22058220100101123X')).toBe('220582********123X');
  });
});
