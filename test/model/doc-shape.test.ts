import { createEntity, createMention } from '../../src/model/doc';

describe('createMention / createEntity', () => {
  it('give every mention all its fields, in one order, optional ones undefined', () => {
    const a = createMention(0, 3, 0, 1, 'BBC', 'Institution', 'name', 'gazetteer', 0.9);
    const b = createMention(4, 9, 1, 2, 'Blair', 'Person', 'name', 'shape', 0.5);
    b.titles = [];
    b.owner = 0;
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.key).toBeUndefined();
    expect(a.dropped).toBeUndefined();
    expect(JSON.parse(JSON.stringify(a))).toEqual({ start: 0, end: 3, tokStart: 0, tokEnd: 1, text: 'BBC', type: 'Institution', role: 'name', source: 'gazetteer', confidence: 0.9 });
  });

  it('give every entity all its fields, in one order', () => {
    const e = createEntity('person:tony blair', 'Person', 'Tony Blair');
    const f = createEntity('state:GBR', 'State', 'United Kingdom');
    f.country = 'GBR';
    expect(Object.keys(e)).toEqual(Object.keys(f));
    expect(e.kind).toBeUndefined();
    expect(e.mentions).toEqual([]);
    expect(e.aliases.size).toBe(0);
  });
});
