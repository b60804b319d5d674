# Runs a deploy/ nginx example for tests: sourced by scripts/test. Defines start_nginx.

# start_nginx CONF PORT LS_PORT ROOT WORKDIR [PREFIX]: serves ROOT per CONF (deploy/nginx.conf,
# or deploy/nginx-prefix.conf with PREFIX /label-studio) on PORT, proxying to Label Studio on
# LS_PORT; sets NGINX_PID. Only listen, the build's folder and upstream are rewritten.
start_nginx() {
  local conf=$1 port=$2 ls_port=$3 root=$4 work=$5 prefix=${6:-}
  rm -rf "$work"; mkdir -p "$work"
  sed -e "s#^    listen 80;#    listen 127.0.0.1:$port;#" \
      -e "s#/srv/label-studio-account#$root#g" \
      -e "s#^    server 127.0.0.1:8080;#    server 127.0.0.1:$ls_port;#" \
      "$conf" >"$work/site.conf"
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $work/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/site.conf;
}
CONF
  setsid nginx -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -g 'daemon off;' >"$work/stdout.log" 2>&1 &
  NGINX_PID=$!
  wait_for_url "http://127.0.0.1:$port$prefix/user/account/" 30 "$NGINX_PID"
}
