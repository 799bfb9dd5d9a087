-- Renews or releases a lease only while this holder owns it (compare-and-set on the token).
-- KEYS: 1 lease key   ARGV: 1 token 2 "renew" | "release" 3 ttl ms
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'release' then return redis.call('DEL', KEYS[1]) end
return redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
