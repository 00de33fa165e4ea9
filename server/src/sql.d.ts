// .sql files are bundled as text (esbuild's "text" loader): `import sql from './001_x.sql'` is the file's content.
declare module '*.sql' {
  const testo: string;
  export default testo;
}
