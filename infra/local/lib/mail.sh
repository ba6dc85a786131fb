# The SMTP sink: maildev (npm, a dependency of the infra package). It keeps every mail the
# journey worker sends and shows them at its web page; nothing leaves the machine.

GB_MAIL_SMTP_PORT="${GB_MAIL_SMTP_PORT:-1025}"
GB_MAIL_WEB_PORT="${GB_MAIL_WEB_PORT:-1080}"
GB_MAILDEV_JS="${GB_MAILDEV_JS:-$GB_LOCAL_DIR/../node_modules/maildev/dist/bin/maildev.js}"

mail_install() {
  require_cmd node "Source infra/toolchain/env.sh (Node 24) before starting the stack."
  [[ -f "$GB_MAILDEV_JS" ]] && return 0
  die "maildev is missing at $GB_MAILDEV_JS; run 'pnpm install' in the repository first"
}

mail_healthy() {
  # maildev 3's REST API (GET /api/email) answers once both the web server and the SMTP server are up.
  node -e "fetch('http://127.0.0.1:$GB_MAIL_WEB_PORT/api/email').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" &&
    port_busy "$GB_MAIL_SMTP_PORT"
}

mail_up() {
  if is_running mail; then
    say "mail: already running (pid $(cat "$(pid_file mail)"))"
    return 0
  fi
  mail_install
  port_busy "$GB_MAIL_SMTP_PORT" && die "port $GB_MAIL_SMTP_PORT is taken by another process; set GB_MAIL_SMTP_PORT"
  port_busy "$GB_MAIL_WEB_PORT" && die "port $GB_MAIL_WEB_PORT is taken by another process; set GB_MAIL_WEB_PORT"
  mkdir -p "$GB_DATA_DIR/mail"
  say "mail: SMTP on 127.0.0.1:$GB_MAIL_SMTP_PORT, mails readable at http://127.0.0.1:$GB_MAIL_WEB_PORT"
  # node directly (not the .bin wrapper script): the recorded PID is maildev itself.
  start_process mail "$GB_LOG_DIR/mail.log" \
    node "$GB_MAILDEV_JS" \
    --ip 127.0.0.1 --smtp "$GB_MAIL_SMTP_PORT" \
    --web-ip 127.0.0.1 --web "$GB_MAIL_WEB_PORT" \
    --mail-directory "$GB_DATA_DIR/mail" --max-emails 5000
  wait_healthy mail 30 mail_healthy
  say "mail: healthy"
}

mail_status() { mail_healthy; }

smtp_url() { echo "smtp://127.0.0.1:$GB_MAIL_SMTP_PORT"; }
mail_web_url() { echo "http://127.0.0.1:$GB_MAIL_WEB_PORT"; }
