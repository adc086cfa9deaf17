from logistics_desk.app import main

raise SystemExit(main())
