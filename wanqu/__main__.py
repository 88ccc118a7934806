from wanqu.cli import main

main()
