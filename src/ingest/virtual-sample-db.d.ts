// Provided by scripts/vite-sample-db.ts: the URL of the sample database.
declare module 'virtual:hqd-sample-db' {
  const url: string;
  export default url;
}
