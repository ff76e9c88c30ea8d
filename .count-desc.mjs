import { buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType, isUnionType, isScalarType } from 'graphql';
import fs from 'fs';
const s = buildSchema(fs.readFileSync(process.argv[2] ?? 'schema.graphql','utf8'));
const missing=[];
for (const t of Object.values(s.getTypeMap())) {
  if (t.name.startsWith('__')) continue;
  if (['String','Int','Float','Boolean','ID'].includes(t.name)) continue;
  if (!t.description) missing.push(t.name);
  if (isObjectType(t)||isInterfaceType(t)) for (const f of Object.values(t.getFields())) { if(!f.description) missing.push(t.name+'.'+f.name); for (const a of f.args) if(!a.description) missing.push(t.name+'.'+f.name+'('+a.name+')'); }
  if (isInputObjectType(t)) for (const f of Object.values(t.getFields())) if(!f.description) missing.push(t.name+'.'+f.name);
  if (isEnumType(t)) for (const v of t.getValues()) if(!v.description) missing.push(t.name+'.'+v.name);
}
console.log(missing.length); if (process.argv[3]) console.log(missing.join('\n'));
