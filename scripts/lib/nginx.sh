# Runs deploy/nginx.conf for tests: sourced by scripts/test. Defines start_nginx.

# start_nginx PORT LS_PORT ROOT WORKDIR: serves ROOT per deploy/nginx.conf on PORT, proxying to
# Label Studio on LS_PORT; sets NGINX_PID. Only listen, root and upstream are rewritten.
start_nginx() {
  local port=$1 ls_port=$2 root=$3 work=$4
  rm -rf "$work"; mkdir -p "$work"
  sed -e "s#^    listen 80;#    listen 127.0.0.1:$port;#" \
      -e "s#^    root /srv/label-studio-account;#    root $root;#" \
      -e "s#^    server 127.0.0.1:8080;#    server 127.0.0.1:$ls_port;#" \
      deploy/nginx.conf >"$work/site.conf"
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
  wait_for_url "http://127.0.0.1:$port/user/account/" 30 "$NGINX_PID"
}
