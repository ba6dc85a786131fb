/** A stamp no other run (nor anyone else on the shared stack) uses: yyyymmddhhmmssSSS. */
export function runStamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 17);
}
