/** JSON-LD for a <script type="application/ld+json">: no `<`, `>` or `&` can end the script early. */
export const serializeJsonLd = (data: unknown) =>
  JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
